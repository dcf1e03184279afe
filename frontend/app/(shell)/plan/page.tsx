import { ComingSoon } from '@/components/States';

export const metadata = { title: 'Plan · CyclingCoach' };

export default function PlanPage() {
  return (
    <ComingSoon title="Plan">
      The training calendar with planned against done, version history with day-by-day diffs, generate and undo will
      appear here once the coaching service&apos;s plan API is in place.
    </ComingSoon>
  );
}
