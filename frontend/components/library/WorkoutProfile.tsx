import { profileBlocks, profileShapes } from '@/lib/workouts/workout-library.mjs';
import type { LibraryWorkout } from '@/lib/api/library';

const WIDTH = 320;
const HEIGHT = 72;

/** A session's power over time: each block in its zone's colour, the FTP line dashed. */
export default function WorkoutProfile({ workout }: { workout: LibraryWorkout }) {
  const { shapes, ftpY } = profileShapes(profileBlocks(workout.steps), WIDTH, HEIGHT);
  return (
    <svg
      className="workout-profile"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      preserveAspectRatio="none"
      role="img"
      aria-label={`Power profile of ${workout.name}`}
      data-testid="workout-profile"
    >
      {shapes.map((shape, i) => (
        <polygon key={i} points={shape.points} className="profile-block" data-zone={shape.zone} />
      ))}
      <line x1={0} x2={WIDTH} y1={ftpY} y2={ftpY} className="profile-ftp" vectorEffect="non-scaling-stroke" />
    </svg>
  );
}
