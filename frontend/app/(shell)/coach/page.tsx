import { ComingSoon } from '@/components/States';

export const metadata = { title: 'Coach · CyclingCoach' };

export default function CoachPage() {
  return (
    <ComingSoon title="Coach">
      Ask the coach about your training, with answers streamed as they are written and plan proposals you can approve
      in place. The chat arrives with the coaching service&apos;s chat API.
    </ComingSoon>
  );
}
