import RulesPage from '@/components/rules/RulesPage';

export const metadata = { title: 'Rules · CyclingCoach' };

export default function Page() {
  return <RulesPage />;
}
