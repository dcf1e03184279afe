namespace CyclingCoach.Training.Routes;

/// <summary>Picks the minimum gear for a grade (peers.md §4.4).</summary>
public static class GearSelector
{
    /// <param name="grade">Grade as a fraction (0.06 = 6 %).</param>
    /// <param name="powerWatts">Power the rider holds there.</param>
    public static GearRecommendation Select(RiderProfile rider, double grade, double powerWatts, double altitudeMeters)
    {
        ArgumentNullException.ThrowIfNull(rider);
        var rho = CyclingPhysics.AirDensity(altitudeMeters, rider.AirTemperatureCelsius);
        var v = CyclingPhysics.SpeedForPower(powerWatts, grade, rider.TotalMassKg, rider.CdA, rider.Crr, rho, rider.DrivetrainEfficiency);
        v = Math.Min(v, rider.MaxSpeedMps);
        var c = rider.WheelCircumferenceMeters;
        var required = 60 * v / (rider.MinCadenceRpm * c);

        int bestRing = 0, bestCog = 0, easyRing = 0, easyCog = 0;
        var best = double.NegativeInfinity;
        var easiest = double.PositiveInfinity;
        foreach (var ring in rider.Chainrings)
        {
            foreach (var cog in rider.Cassette)
            {
                var r = (double)ring / cog;
                if (r <= required + 1e-12 && r > best)
                {
                    best = r;
                    bestRing = ring;
                    bestCog = cog;
                }

                if (r < easiest)
                {
                    easiest = r;
                    easyRing = ring;
                    easyCog = cog;
                }
            }
        }

        if (bestRing > 0)
        {
            var cadence = v > 0 ? 60 * v / (best * c) : 0;
            return new GearRecommendation(bestRing, bestCog, best, best * c, grade * 100, v, required, cadence, true, null);
        }

        // No gear is easy enough: cadence drops below the minimum, or the rider must push harder.
        var dropCadence = 60 * v / (easiest * c);
        var vNeeded = rider.MinCadenceRpm / 60 * easiest * c;
        var powerNeeded = CyclingPhysics.PowerForSpeed(vNeeded, grade, rider.TotalMassKg, rider.CdA, rider.Crr, rho, rider.DrivetrainEfficiency);
        return new GearRecommendation(easyRing, easyCog, easiest, easiest * c, grade * 100, v, required, dropCadence, false, powerNeeded);
    }
}
