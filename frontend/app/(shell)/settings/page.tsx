import SettingsPage from '@/components/settings/SettingsPage';

export const metadata = { title: 'Settings · CyclingCoach' };

export default function Page() {
  return <SettingsPage />;
}
