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
