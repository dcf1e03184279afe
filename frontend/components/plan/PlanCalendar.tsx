import Link from 'next/link';
import { sessionFileUrl } from '@/lib/api/plan';
import { formatDuration, typeLabel, weekdayLabel } from '@/lib/format/format';
import type { calendarWeeks } from '@/lib/plan/plan-data.mjs';

/**
 * The plan week by week, Monday to Sunday: sessions planned (with .zwo / .fit downloads) and what was ridden. Rendered
 * on the server, the weekdays in the rider's `locale` (from the zone cookie).
 */
export default function PlanCalendar({ weeks, locale }: { weeks: ReturnType<typeof calendarWeeks>; locale?: string }) {
  return (
    <div className="plan-calendar" data-testid="plan-calendar">
      {weeks.map((week) => (
        <section key={week.monday} className="plan-week" aria-label={`Week ${week.weekNumber}: ${week.focus}`}>
          <h3 className="plan-week-title">
            Week {week.weekNumber}{' '}
            <span className={`badge phase-badge phase-${week.phase}`} data-testid="week-phase">
              {typeLabel(week.phase)}
            </span>{' '}
            {week.focus}{' '}
            <span className="muted">
              {week.hours.toFixed(1)} h · {Math.round(week.tss)} TSS
            </span>
          </h3>
          <ol className="plan-days">
            {week.days.map((day, i) =>
              day === null ? (
                <li key={i} className="plan-day outside" aria-hidden="true" />
              ) : (
                <li
                  key={day.date}
                  className={`plan-day${day.isToday ? ' is-today' : ''}${day.isPast ? ' is-past' : ''}${day.isRest && !day.event ? ' is-rest' : ''}${day.event ? ' is-event' : ''}`}
                  data-testid="plan-day"
                  data-date={day.date}
                >
                  <p className="plan-date">
                    {weekdayLabel(day.date, locale)}
                    {day.isToday && <span className="badge today-badge">Today</span>}
                  </p>
                  {day.event && (
                    <p className={`plan-event priority-${day.event.priority}`} data-testid="plan-event">
                      <span className="badge">{day.event.priority.toUpperCase()} event</span> {day.event.name}
                    </p>
                  )}
                  {day.sessions.length === 0 && !day.event && <p className="muted plan-rest">Rest</p>}
                  {day.sessions.map((s, index) => (
                    <div key={index} className={`session type-${s.type}`} data-testid="plan-session">
                      <p className="session-name">{s.name}</p>
                      {s.preparesFor && (
                        <p className="session-prepares" data-testid="prepares-for">
                          For {s.preparesFor}
                        </p>
                      )}
                      <p className="muted session-meta">
                        {typeLabel(s.type)} · {formatDuration(s.durationSeconds)} · {Math.round(s.targetTss)} TSS
                      </p>
                      <p className="session-files">
                        <a href={sessionFileUrl(day.date, index, 'zwo')} download aria-label={`Download ${s.name} on ${day.date} as .zwo`}>
                          .zwo
                        </a>{' '}
                        <a href={sessionFileUrl(day.date, index, 'fit')} download aria-label={`Download ${s.name} on ${day.date} as .fit`}>
                          .fit
                        </a>
                      </p>
                    </div>
                  ))}
                  {(day.doneSeconds > 0 || (day.isPast && day.sessions.length > 0)) && (
                    <p className={`plan-done${day.doneSeconds > 0 ? ' ridden' : ' missed'}`} data-testid="plan-done">
                      {day.doneSeconds > 0 ? (
                        <>
                          Done {formatDuration(day.doneSeconds)}, {Math.round(day.doneLoad)} TSS
                          {day.compliancePercent != null && ` · ${Math.round(day.compliancePercent)} %`}
                          {day.unplannedRide && ' · unplanned'}
                          {day.workoutIds.map((id, n) => (
                            <Link key={id} href={`/workouts/${id}`} className="ride-link">
                              {' '}ride{day.workoutIds.length > 1 ? ` ${n + 1}` : ''} →
                            </Link>
                          ))}
                        </>
                      ) : (
                        'Not ridden'
                      )}
                    </p>
                  )}
                </li>
              ),
            )}
          </ol>
        </section>
      ))}
    </div>
  );
}
