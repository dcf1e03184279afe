'use client';
// The ride page's Delete button: asks first, then removes the ride, its streams and its file and goes to the list.
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { deleteWorkout } from '@/lib/api';

export default function DeleteRide({ id, name }: { id: string; name: string }) {
  const router = useRouter();
  const [deleting, setDeleting] = useState<string | null>(null);

  async function remove() {
    if (!window.confirm(`Delete “${name}”, its streams and its file?`)) return;
    setDeleting('Deleting…');
    try {
      await deleteWorkout(id);
      router.push('/workouts');
    } catch (error) {
      setDeleting(`Could not delete: ${(error as Error).message}`);
    }
  }

  return (
    <>
      <button type="button" className="danger" onClick={remove} disabled={deleting === 'Deleting…'}>
        Delete
      </button>
      {deleting && deleting !== 'Deleting…' && <p className="field-error" role="alert">{deleting}</p>}
    </>
  );
}
