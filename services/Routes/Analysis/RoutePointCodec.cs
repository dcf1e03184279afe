using System.Buffers.Binary;
using CyclingCoach.Training.Model;

namespace CyclingCoach.Routes.Analysis;

/// <summary>Packs the position and elevation of route points into bytes (24 per point) and back, losslessly.</summary>
public static class RoutePointCodec
{
    private const int Stride = 3 * sizeof(double);

    public static byte[] Encode(IReadOnlyList<TrackPoint> points)
    {
        var data = new byte[points.Count * Stride];
        var span = data.AsSpan();
        for (var i = 0; i < points.Count; i++)
        {
            var p = points[i];
            BinaryPrimitives.WriteDoubleLittleEndian(span[(i * Stride)..], p.Latitude);
            BinaryPrimitives.WriteDoubleLittleEndian(span[((i * Stride) + 8)..], p.Longitude);
            BinaryPrimitives.WriteDoubleLittleEndian(span[((i * Stride) + 16)..], p.ElevationMeters);
        }

        return data;
    }

    public static TrackPoint[] Decode(ReadOnlySpan<byte> data)
    {
        if (data.Length % Stride != 0)
        {
            throw new ArgumentException("Not a whole number of points.", nameof(data));
        }

        var points = new TrackPoint[data.Length / Stride];
        for (var i = 0; i < points.Length; i++)
        {
            var at = data[(i * Stride)..];
            points[i] = TrackPoint.At(
                BinaryPrimitives.ReadDoubleLittleEndian(at),
                BinaryPrimitives.ReadDoubleLittleEndian(at[8..]),
                BinaryPrimitives.ReadDoubleLittleEndian(at[16..]));
        }

        return points;
    }
}
