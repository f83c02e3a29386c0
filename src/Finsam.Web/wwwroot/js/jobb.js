// The job page with JavaScript: asks for the job's state every second and moves the progress bar; when the job is
// done the page is loaded again and shows the result. Without JavaScript the page refreshes itself instead.
(() => {
    const section = document.querySelector('[data-job-status]');
    if (!section) {
        return;
    }

    const url = section.getAttribute('data-job-status');
    const bar = document.getElementById('jobb-progress');
    const step = document.getElementById('jobb-steg');
    const status = document.querySelector('[data-job-state]');
    const tick = async () => {
        try {
            const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
            if (response.ok) {
                const state = await response.json();
                if (state.finished) {
                    window.location.reload();
                    return;
                }

                if (state.percent === null) {
                    bar.removeAttribute('value');
                } else {
                    bar.value = state.percent;
                    bar.textContent = state.percent + ' %';
                }

                // A job queued when the page was made shows "Pågår" once the worker has started it.
                if (status && status.getAttribute('data-job-state') !== state.state) {
                    status.setAttribute('data-job-state', state.state);
                    status.textContent = state.stateText;
                }

                if (step.textContent !== state.text) {
                    step.textContent = state.text;
                }
            }
        } catch {
            // A missed answer is asked again on the next tick.
        }

        window.setTimeout(tick, 1000);
    };
    window.setTimeout(tick, 1000);
})();
