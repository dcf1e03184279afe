import PromptsPage from '@/components/prompts/PromptsPage';
import EngineStatus from '@/components/settings/EngineStatus';
import { COACH_STATUS_PATH, type CoachStatus } from '@/lib/api/prompts';
import { requestZone, serverGet } from '@/lib/server/server-api';

export const metadata = { title: 'Prompts · CyclingCoach' };
export const dynamic = 'force-dynamic';

export default async function Page() {
  const [engine, zone] = await Promise.all([serverGet<CoachStatus>(COACH_STATUS_PATH), requestZone()]);
  return <PromptsPage engine={<EngineStatus state={engine} zone={zone} />} />;
}
