// One labelled value in a <dl className="metrics"> (server or client: no state of its own).
export default function Metric({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
