using CyclingCoach.Training.Model;

namespace CyclingCoach.Training.Readers;

/// <summary>Read-only pass-through that counts bytes and throws <c>too_large</c> once more than the limit has been read.</summary>
internal sealed class LimitedReadStream(Stream inner, long maxBytes, ActivityFormat format) : Stream
{
    public long BytesRead { get; private set; }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = inner.Read(buffer);
        BytesRead += n;
        if (BytesRead > maxBytes)
        {
            throw new ActivityFileException(ActivityFileErrorCodes.TooLarge, $"The input exceeds the limit of {maxBytes} bytes.", format, maxBytes);
        }
        return n;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
