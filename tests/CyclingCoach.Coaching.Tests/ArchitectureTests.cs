using CyclingCoach.Coaching.Domain.Plans;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace CyclingCoach.Coaching.Tests;

/// <summary>
/// The direction of dependencies inside the Coaching service (ARCHITECTURE.md §6): pure domain ← engines ← services ←
/// Apis / consumers / MCP. Read from the compiled assembly — every type's signatures, attributes and method bodies,
/// lambdas and async state machines included — so a reference written anywhere counts, not only a using line.
/// </summary>
public sealed class ArchitectureTests
{
    private const string Root = "CyclingCoach.Coaching";

    /// <summary>Every top-level namespace under <see cref="Root"/> and its layer: a namespace may use its own layer's and lower ones.</summary>
    private static readonly Dictionary<string, int> Layers = new()
    {
        ["Domain"] = 0,
        ["Ai"] = 1, ["Engines"] = 1,
        ["Data"] = 2, ["Model"] = 2, ["Athletes"] = 2, ["Fitness"] = 2, ["Readiness"] = 2, ["Rules"] = 2, ["Plans"] = 2,
        ["Analyses"] = 2, ["Chat"] = 2, ["Exports"] = 2, ["Prompts"] = 2,
        ["Apis"] = 3, ["IntegrationEvents"] = 3, ["Mcp"] = 3, ["Extensions"] = 3,
    };

    /// <summary>What the pure domain never touches: storage, HTTP, the bus, the model client, hosting, the service plumbing.</summary>
    private static readonly string[] Impure =
    [
        "Microsoft.EntityFrameworkCore", "Npgsql", "Microsoft.AspNetCore", "MassTransit", "Microsoft.Extensions", "OpenAI",
        "ModelContextProtocol", "System.Net.Http", "CyclingCoach.ServiceDefaults",
    ];

    private static readonly Lazy<IReadOnlyList<(string From, string To)>> References = new(ReadReferences);

    [Fact]
    public void The_pure_domain_uses_no_storage_http_bus_ai_or_service_code()
    {
        var violations = References.Value
            .Where(r => IsIn(r.From, $"{Root}.Domain"))
            .Where(r => Impure.Any(p => IsIn(r.To, p)) || (IsIn(r.To, Root) && !IsIn(r.To, $"{Root}.Domain")))
            .Select(r => $"{r.From} → {r.To}")
            .Distinct()
            .ToList();

        Assert.True(violations.Count == 0, "The domain reaches out of itself:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void Every_namespace_has_a_layer_and_uses_only_its_own_layer_and_lower_ones()
    {
        var unplaced = References.Value.Select(r => r.From).Where(t => IsIn(t, Root)).Select(TopLevel)
            .Where(n => n is not null && !Layers.ContainsKey(n)).Distinct().ToList();
        Assert.True(unplaced.Count == 0, $"Place these namespaces in {nameof(Layers)} (ARCHITECTURE.md §6): {string.Join(", ", unplaced)}");

        var upward = Edges()
            .Where(e => Layers[e.From] < Layers[e.To])
            .Select(e => $"{e.From} (layer {Layers[e.From]}) → {e.To} (layer {Layers[e.To]}), e.g. {e.Example}")
            .ToList();
        Assert.True(upward.Count == 0, "Dependencies point the wrong way:\n" + string.Join("\n", upward));
    }

    [Fact]
    public void The_top_level_namespaces_have_no_cycle()
    {
        var edges = Edges().ToList();
        var graph = edges.GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.Select(e => e.To).ToList());
        var cycles = new List<string>();
        var state = new Dictionary<string, bool>(); // false: on the current path, true: done
        var path = new Stack<string>();

        void Visit(string node)
        {
            state[node] = false;
            path.Push(node);
            foreach (var next in graph.GetValueOrDefault(node, []))
            {
                if (!state.TryGetValue(next, out var done))
                {
                    Visit(next);
                }
                else if (!done)
                {
                    var cycle = path.TakeWhile(n => n != next).Reverse().Prepend(next).Append(next).ToList();
                    cycles.Add(string.Join(" → ", cycle) + " (" + string.Join("; ", cycle.Zip(cycle.Skip(1))
                        .Select(p => edges.First(e => e.From == p.First && e.To == p.Second).Example)) + ")");
                }
            }

            path.Pop();
            state[node] = true;
        }

        foreach (var node in graph.Keys.Order(StringComparer.Ordinal).Where(n => !state.ContainsKey(n)))
        {
            Visit(node);
        }

        Assert.True(cycles.Count == 0, "Namespace cycles:\n" + string.Join("\n", cycles));
    }

    /// <summary>Distinct top-level namespace pairs with one type reference as the example.</summary>
    private static IEnumerable<(string From, string To, string Example)> Edges() => References.Value
        .Select(r => (r, From: TopLevel(r.From), To: TopLevel(r.To)))
        .Where(x => x.From is not null && x.To is not null && x.From != x.To && Layers.ContainsKey(x.From) && Layers.ContainsKey(x.To))
        .GroupBy(x => (x.From!, x.To!))
        .Select(g => (g.Key.Item1, g.Key.Item2, $"{g.First().r.From} uses {g.First().r.To}"));

    /// <summary>"Plans" for CyclingCoach.Coaching.Plans.PlanService; null outside the service or for Program.</summary>
    private static string? TopLevel(string typeName) =>
        IsIn(typeName, Root) && typeName.Length > Root.Length + 1 && typeName[(Root.Length + 1)..].Split('.') is { Length: > 1 } parts
            ? parts[0]
            : null;

    private static bool IsIn(string typeName, string ns) => typeName.StartsWith(ns + ".", StringComparison.Ordinal);

    /// <summary>Every (type, referenced type) pair of the Coaching assembly, by full name (nested types under their outermost type's namespace).</summary>
    private static IReadOnlyList<(string From, string To)> ReadReferences()
    {
        using var module = ModuleDefinition.ReadModule(typeof(TrainingPlan).Assembly.Location);
        var pairs = new HashSet<(string, string)>();
        foreach (var type in module.GetTypes())
        {
            var from = FullName(type);
            foreach (var to in Referenced(type).SelectMany(Expand).Select(FullName))
            {
                pairs.Add((from, to));
            }
        }

        return [.. pairs];
    }

    private static IEnumerable<TypeReference?> Referenced(TypeDefinition type)
    {
        yield return type.BaseType;
        foreach (var i in type.Interfaces)
        {
            yield return i.InterfaceType;
        }

        foreach (var a in Attributes(type).Concat(type.Fields.SelectMany(Attributes)).Concat(type.Properties.SelectMany(Attributes)).Concat(type.Methods.SelectMany(Attributes)))
        {
            yield return a;
        }

        foreach (var field in type.Fields)
        {
            yield return field.FieldType;
        }

        foreach (var property in type.Properties)
        {
            yield return property.PropertyType;
        }

        foreach (var method in type.Methods)
        {
            foreach (var t in Signature(method))
            {
                yield return t;
            }

            if (!method.HasBody)
            {
                continue;
            }

            foreach (var local in method.Body.Variables)
            {
                yield return local.VariableType;
            }

            foreach (var operand in method.Body.Instructions.Select(i => i.Operand))
            {
                switch (operand)
                {
                    case TypeReference t:
                        yield return t;
                        break;
                    case MethodReference m:
                        foreach (var t in Signature(m).Append(m.DeclaringType))
                        {
                            yield return t;
                        }

                        break;
                    case FieldReference f:
                        yield return f.DeclaringType;
                        yield return f.FieldType;
                        break;
                }
            }
        }
    }

    private static IEnumerable<TypeReference> Signature(MethodReference method)
    {
        yield return method.ReturnType;
        foreach (var p in method.Parameters)
        {
            yield return p.ParameterType;
        }

        if (method is GenericInstanceMethod generic)
        {
            foreach (var a in generic.GenericArguments)
            {
                yield return a;
            }
        }
    }

    private static IEnumerable<TypeReference> Attributes(ICustomAttributeProvider provider) =>
        provider.CustomAttributes.Select(a => a.AttributeType);

    /// <summary>A generic instance, array, pointer or by-ref type and the types it is made of.</summary>
    private static IEnumerable<TypeReference> Expand(TypeReference? type)
    {
        switch (type)
        {
            case null or GenericParameter:
                yield break;
            case GenericInstanceType generic:
                foreach (var t in generic.GenericArguments.SelectMany(Expand).Prepend(generic.ElementType))
                {
                    yield return t;
                }

                break;
            case TypeSpecification spec:
                foreach (var t in Expand(spec.ElementType))
                {
                    yield return t;
                }

                break;
            default:
                yield return type;
                break;
        }
    }

    private static string FullName(TypeReference type)
    {
        var name = type.Name;
        var outer = type;
        while (outer.DeclaringType is not null)
        {
            outer = outer.DeclaringType;
            name = $"{outer.Name}/{name}";
        }

        return $"{outer.Namespace}.{name}";
    }
}
