using System.Reflection;
using System.Reflection.Emit;
using System.Text.RegularExpressions;
using Finsam.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Finsam.UnitTests.Architecture;

/// <summary>
/// Page models never write: every change of state goes through a handler of its feature (docs/architecture.md,
/// "The write path"). Checked twice: in the compiled page models (every call in their IL, including the async state
/// machines and lambdas) and in the source files under src/Finsam.Web/Features.
/// </summary>
public sealed partial class WritePathTests
{
    private static readonly string[] Writes =
        ["SaveChanges", "SaveChangesAsync", "Add", "AddAsync", "AddRange", "AddRangeAsync", "Remove", "RemoveRange", "Update", "UpdateRange", "Attach", "AttachRange"];

    private static readonly string[] BulkWrites =
        ["ExecuteUpdate", "ExecuteUpdateAsync", "ExecuteDelete", "ExecuteDeleteAsync", "ExecuteSql", "ExecuteSqlAsync", "ExecuteSqlRaw", "ExecuteSqlRawAsync", "ExecuteSqlInterpolated", "ExecuteSqlInterpolatedAsync"];

    public static IEnumerable<Type> PageModels() =>
        typeof(Finsam.Web.Hosting.FinsamServices).Assembly.GetTypes().Where(t => typeof(PageModel).IsAssignableFrom(t) && !t.IsAbstract);

    [Fact]
    public void The_app_has_page_models_to_check() => Assert.True(PageModels().Count() >= 40);

    [Fact]
    public void No_page_model_calls_a_write_of_the_DbContext()
    {
        var violations = PageModels().SelectMany(t => WritesIn(t, t)).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.True(violations.Count == 0, "Page models that write through the DbContext (call a handler instead):\n" + string.Join("\n", violations));
    }

    [Fact]
    public void No_page_source_file_writes_through_the_DbContext()
    {
        var contextNames = PageModels().SelectMany(t => t.GetConstructors()).SelectMany(c => c.GetParameters())
            .Where(p => typeof(DbContext).IsAssignableFrom(p.ParameterType)).Select(p => p.Name!).Append("db").Distinct().ToList();
        var sets = typeof(FinsamDbContext).GetProperties().Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(DbSet<>))
            .Select(p => p.Name).ToList();
        var onContext = new Regex(
            $@"\b(?:{string.Join('|', contextNames)})\s*\.\s*(?:(?:{string.Join('|', sets)}|Set<[^>]+>\(\))\s*\.\s*)?(?:{string.Join('|', Writes)})\s*\(",
            RegexOptions.CultureInvariant);
        var pages = Path.Combine(RepositoryRoot(), "src", "Finsam.Web", "Features");
        var files = Directory.GetFiles(pages, "*.cshtml.cs", SearchOption.AllDirectories);
        Assert.NotEmpty(files);

        var violations = new List<string>();
        foreach (var file in files)
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var code = LineComment().Replace(lines[i], "");
                if (onContext.IsMatch(code) || SaveOrBulk().IsMatch(code))
                {
                    violations.Add($"{Path.GetRelativePath(pages, file)}:{i + 1}: {lines[i].Trim()}");
                }
            }
        }

        Assert.True(violations.Count == 0, "Page source that writes through the DbContext (call a handler instead):\n" + string.Join("\n", violations));
    }

    [Fact]
    public void The_IL_check_recognises_each_kind_of_write()
    {
        var found = WritesIn(typeof(Writer), typeof(Writer)).ToList();
        Assert.Contains(found, v => v.EndsWith(" SaveChangesAsync", StringComparison.Ordinal));
        Assert.Contains(found, v => v.EndsWith(" Add", StringComparison.Ordinal));
        Assert.Contains(found, v => v.EndsWith(" ExecuteDeleteAsync", StringComparison.Ordinal));
    }

    /// <summary>Writes in the way the check must catch (never run).</summary>
    private sealed class Writer(FinsamDbContext db)
    {
        public Task<int> A() => db.SaveChangesAsync();

        public void B() => db.Members.Add(new Domain.Organisation.Member { Name = "x" });

        public Task<int> C() => db.Members.Where(m => m.Id == 0).ExecuteDeleteAsync();
    }

    /// <summary>The forbidden calls in a type's methods and in its nested (compiler-generated) types: "Page.Method: Type.Call".</summary>
    private static IEnumerable<string> WritesIn(Type type, Type page)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
        {
            foreach (var called in CalledMethods(method))
            {
                if (IsWrite(called))
                {
                    yield return $"{page.Name}.{method.Name}: {called.DeclaringType?.Name} {called.Name}";
                }
            }
        }

        foreach (var nested in type.GetNestedTypes(all))
        {
            foreach (var violation in WritesIn(nested, page))
            {
                yield return violation;
            }
        }
    }

    private static bool IsWrite(MethodBase method)
    {
        var declaring = method.DeclaringType;
        if (declaring is null)
        {
            return false;
        }

        if (typeof(DbContext).IsAssignableFrom(declaring) || (declaring.IsGenericType && declaring.GetGenericTypeDefinition() == typeof(DbSet<>)))
        {
            return Writes.Contains(method.Name);
        }

        return BulkWrites.Contains(method.Name) && declaring.Namespace == "Microsoft.EntityFrameworkCore";
    }

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

    /// <summary>Every method a method body calls (call, callvirt, newobj, ldftn), read from its IL.</summary>
    private static IEnumerable<MethodBase> CalledMethods(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        var typeArguments = method.DeclaringType is { IsGenericType: true } t ? t.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var i = 0;
        while (i < il.Length)
        {
            OpCode op;
            if (il[i] == 0xFE)
            {
                op = OpCodesByValue[unchecked((short)(0xFE00 | il[i + 1]))];
                i += 2;
            }
            else
            {
                op = OpCodesByValue[il[i]];
                i += 1;
            }

            var size = op.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, i)),
                _ => 4,
            };
            if (op.OperandType == OperandType.InlineMethod)
            {
                MethodBase? called;
                try
                {
                    called = method.Module.ResolveMethod(BitConverter.ToInt32(il, i), typeArguments, methodArguments);
                }
                catch (ArgumentException)
                {
                    called = null;
                }

                if (called is not null)
                {
                    yield return called;
                }
            }

            i += size;
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Finsam.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("Finsam.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"//.*$")]
    private static partial Regex LineComment();

    [GeneratedRegex(@"\b(?:SaveChanges|SaveChangesAsync|ExecuteUpdate|ExecuteUpdateAsync|ExecuteDelete|ExecuteDeleteAsync)\s*\(")]
    private static partial Regex SaveOrBulk();
}
