import PromptsPage from '@/components/prompts/PromptsPage';

export const metadata = { title: 'Prompts · CyclingCoach' };

export default function Page() {
  return <PromptsPage />;
}
