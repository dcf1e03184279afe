'use client';
// "Try again" under a server-rendered card whose read failed: the page is read again on the server.
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';

export default function RetryButton() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <button type="button" disabled={pending} onClick={() => startTransition(() => router.refresh())}>
      Try again
    </button>
  );
}
