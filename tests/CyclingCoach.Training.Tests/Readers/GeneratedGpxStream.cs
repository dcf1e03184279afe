using System.Text;

namespace CyclingCoach.Training.Tests.Readers;

/// <summary>
/// A GPX file generated lazily while it is read: a header, <c>pointCount</c> track points (or filler comments), a
/// footer. Hundreds of megabytes can be streamed through a reader without ever existing in memory.
/// </summary>
internal sealed class GeneratedGpxStream : Stream
{
    private static readonly byte[] Header = Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gpx version=\"1.1\" creator=\"generator\" xmlns=\"http://www.topografix.com/GPX/1/1\"><trk><trkseg>\n");
    private static readonly byte[] Footer = Encoding.UTF8.GetBytes("</trkseg></trk></gpx>\n");
    private static readonly byte[] Filler = Encoding.UTF8.GetBytes("<!--" + new string('x', 1000) + "-->\n");

    private readonly long _items;
    private readonly bool _comments;
    private long _next;
    private byte[] _current = Header;
    private int _offset;
    private bool _footerDone;

    public GeneratedGpxStream(long items, bool comments = false)
    {
        _items = items;
        _comments = comments;
    }

    public long BytesProduced { get; private set; }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var written = 0;
        while (written < count)
        {
            if (_offset == _current.Length)
            {
                if (_next < _items)
                {
                    _current = _comments ? Filler : Point(_next);
                    _next++;
                }
                else if (!_footerDone)
                {
                    _current = Footer;
                    _footerDone = true;
                }
                else
                {
                    break;
                }
                _offset = 0;
            }
            var n = Math.Min(count - written, _current.Length - _offset);
            Buffer.BlockCopy(_current, _offset, buffer, offset + written, n);
            _offset += n;
            written += n;
        }
        BytesProduced += written;
        return written;
    }

    private static byte[] Point(long i) =>
        Encoding.ASCII.GetBytes($"<trkpt lat=\"{45 + (i % 100000) * 1e-5:F5}\" lon=\"6.00000\"><ele>{i % 1000}</ele><time>2024-01-01T00:00:00Z</time></trkpt>\n");

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => BytesProduced; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
