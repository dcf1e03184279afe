import { ComingSoon } from '@/components/States';

export const metadata = { title: 'Rules · CyclingCoach' };

export default function RulesPage() {
  return (
    <ComingSoon title="Rules">
      Write your training rules in plain words, see what the coach understood, and keep every version with its diff.
      This page arrives with the coaching service&apos;s rules API.
    </ComingSoon>
  );
}
