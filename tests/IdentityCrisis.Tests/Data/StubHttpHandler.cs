using System.Net;

namespace IdentityCrisis.Tests.Data;

/// <summary>Serves fixed bytes per URL, optionally breaking the connection part-way through a body.</summary>
public sealed class StubHttpHandler : HttpMessageHandler
{
    private readonly Dictionary<string, byte[]> _bodies = [];
    private readonly Dictionary<string, int> _failAfter = [];
    private readonly Dictionary<string, long> _claimedLength = [];

    public List<string> Requested { get; } = [];

    public StubHttpHandler Serve(string url, byte[] body) { _bodies[url] = body; return this; }

    /// <summary>The body of <paramref name="url"/> throws an IOException after <paramref name="bytes"/> bytes.</summary>
    public StubHttpHandler BreakAfter(string url, int bytes) { _failAfter[url] = bytes; return this; }

    /// <summary>The response announces <paramref name="length"/> bytes but the body ends early without error.</summary>
    public StubHttpHandler ClaimLength(string url, long length) { _claimedLength[url] = length; return this; }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancel)
    {
        var url = request.RequestUri!.ToString();
        Requested.Add(url);
        if (!_bodies.TryGetValue(url, out var body))
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound) { RequestMessage = request });
        Stream stream = _failAfter.TryGetValue(url, out var limit) ? new BreakingStream(body, limit) : new MemoryStream(body);
        var content = new StreamContent(stream);
        content.Headers.ContentLength = _claimedLength.TryGetValue(url, out var claimed) ? claimed : body.Length;
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
    }

    private sealed class BreakingStream(byte[] body, int limit) : MemoryStream(body)
    {
        public override int Read(byte[] buffer, int offset, int count)
        {
            if (Position >= limit) throw new IOException("connection reset by peer (stub)");
            return base.Read(buffer, offset, (int)Math.Min(count, limit - Position));
        }

        public override int Read(Span<byte> buffer) =>
            Position >= limit ? throw new IOException("connection reset by peer (stub)") : base.Read(buffer[..(int)Math.Min(buffer.Length, limit - Position)]);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancel = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancel) =>
            Task.FromResult(Read(buffer, offset, count));
    }
}
