using System.Globalization;
using System.Text;
using System.Xml;
using CyclingCoach.Coaching.Domain.Plans;

namespace CyclingCoach.Coaching.Domain.Exports;

/// <summary>
/// A planned workout as a Zwift workout file (<c>.zwo</c>, XML). Powers stay fractions of FTP, so Zwift scales them
/// to the rider's FTP there. Mapping: warm-up → <c>Warmup</c>, cool-down → <c>Cooldown</c> (both ramps; Zwift reads
/// <c>PowerLow</c> as the start and <c>PowerHigh</c> as the end, so a cool-down has PowerLow &gt; PowerHigh as in
/// Zwift's own files), steady → <c>SteadyState</c> at the mean of its two powers, intervals → <c>IntervalsT</c>
/// (or one <c>SteadyState</c> when there is no recovery between the efforts).
/// </summary>
public static class ZwoWriter
{
    public static string Write(PlannedWorkout workout, string? author = "CyclingCoach")
    {
        ArgumentNullException.ThrowIfNull(workout);
        var text = new StringBuilder();
        var settings = new XmlWriterSettings { Indent = true, OmitXmlDeclaration = true, NewLineChars = "\n" };
        using (var xml = XmlWriter.Create(text, settings))
        {
            xml.WriteStartElement("workout_file");
            xml.WriteElementString("author", author ?? "");
            xml.WriteElementString("name", workout.Name);
            xml.WriteElementString("description", workout.Description);
            xml.WriteElementString("sportType", "bike");
            xml.WriteStartElement("tags");
            xml.WriteStartElement("tag");
            xml.WriteAttributeString("name", workout.Type.ToString());
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteStartElement("workout");
            foreach (var step in workout.Steps)
            {
                WriteStep(xml, step);
            }
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        return text.Append('\n').ToString();
    }

    private static void WriteStep(XmlWriter xml, WorkoutStep step)
    {
        switch (step.Kind)
        {
            case StepKind.Warmup or StepKind.Cooldown:
                xml.WriteStartElement(step.Kind == StepKind.Warmup ? "Warmup" : "Cooldown");
                Attribute(xml, "Duration", step.DurationSeconds);
                Attribute(xml, "PowerLow", step.PowerLow);
                Attribute(xml, "PowerHigh", step.PowerHigh);
                break;
            case StepKind.Intervals when step.OffDurationSeconds > 0:
                xml.WriteStartElement("IntervalsT");
                Attribute(xml, "Repeat", step.Repeat);
                Attribute(xml, "OnDuration", step.DurationSeconds);
                Attribute(xml, "OffDuration", step.OffDurationSeconds);
                Attribute(xml, "OnPower", step.PowerHigh);
                Attribute(xml, "OffPower", step.OffPower);
                break;
            case StepKind.Intervals:
                xml.WriteStartElement("SteadyState");
                Attribute(xml, "Duration", step.TotalSeconds);
                Attribute(xml, "Power", step.PowerHigh);
                break;
            default:
                xml.WriteStartElement("SteadyState");
                Attribute(xml, "Duration", step.DurationSeconds);
                Attribute(xml, "Power", (step.PowerLow + step.PowerHigh) / 2);
                break;
        }

        if (step.CadenceRpm is { } rpm)
        {
            Attribute(xml, "Cadence", rpm);
        }

        xml.WriteEndElement();
    }

    private static void Attribute(XmlWriter xml, string name, int value) =>
        xml.WriteAttributeString(name, value.ToString(CultureInfo.InvariantCulture));

    // Two decimals at least (Zwift's own files write 0.50, 1.00), a third only when the plan has one (0.825).
    private static void Attribute(XmlWriter xml, string name, double fractionOfFtp) =>
        xml.WriteAttributeString(name, Math.Round(fractionOfFtp, 3).ToString("0.00#", CultureInfo.InvariantCulture));
}
