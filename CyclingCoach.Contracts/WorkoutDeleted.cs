namespace CyclingCoach.Contracts;

public record WorkoutDeleted(Guid WorkoutId);
