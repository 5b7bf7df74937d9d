using System.Text.Json;
using System.Text.Json.Serialization;

namespace IdentityCrisis.Config;

/// <summary>JSON for configs: camelCase, and unknown keys are an error (a typo must not silently fall back to a default).</summary>
public static class ConfigJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        WriteIndented = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json, string source)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, Options)
                ?? throw new ConfigException($"{source}: the file holds JSON null, expected an object");
        }
        catch (JsonException e)
        {
            throw new ConfigException($"{source}: {DescribeJsonError(e)}");
        }
    }

    public static RunConfig LoadRun(string path)
    {
        if (!File.Exists(path)) throw new ConfigException($"config file '{path}' does not exist");
        return Deserialize<RunConfig>(File.ReadAllText(path), path);
    }

    static string DescribeJsonError(JsonException e)
    {
        // System.Text.Json reports unmapped members as "The JSON property 'x' could not be mapped..."
        var where = e.Path is { Length: > 0 } p ? $" at {p}" : "";
        return e.Message.Contains("could not be mapped")
            ? $"unknown key{where} (check the spelling; keys are camelCase, see docs/config.md)"
            : $"{e.Message.Split(" Path:")[0]}{where}";
    }
}
