namespace CyclingCoach.Training.Routes;

/// <summary>Strava-style climb category from score = length (m) × average grade (%). See <see cref="ClimbScoring"/>.</summary>
public enum ClimbCategory
{
    Uncategorized,
    Cat4,
    Cat3,
    Cat2,
    Cat1,
    HorsCategorie,
}
