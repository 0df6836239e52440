import { useContext } from 'react';
import type { DateHint } from '../../lib/panel/date-hint';
import { FieldsReadOnlyContext } from './read-only';

/** What the date field will write, or both readings of a date whose day and month could swap. */
interface DateHintViewProps {
  hint: DateHint;
  /** The user typed into the field: a readable date is written in the profile's style on leaving it. */
  typed: boolean;
  onChoose: (text: string) => void;
}

export function DateHintView({ hint, typed, onChoose }: DateHintViewProps) {
  // A read-only draft offers no rewrites (the inputs are readOnly, not disabled, so buttons are not).
  const readOnly = useContext(FieldsReadOnlyContext);
  switch (hint.kind) {
    case 'empty':
      return <>Write a date, e.g. 2014-01-20 or 20 January 2014.</>;
    case 'unreadable':
      return null;
    case 'exact':
      if (hint.normalised) return <>Reads as {hint.reads}.</>;
      if (typed)
        return (
          <>
            Reads as {hint.reads}; will be written as <output>{hint.writes}</output>.
          </>
        );
      // A date as the wiki has it is left alone unless the mentor asks (a minimal diff).
      return (
        <>
          Reads as {hint.reads}.{' '}
          <button
            type="button"
            className="secondary small"
            disabled={readOnly}
            onClick={() => onChoose(hint.writes)}
          >
            Write it as {hint.writes}
          </button>
        </>
      );
    case 'ambiguous':
      return (
        <>
          Day and month could be either way round. Which is it?{' '}
          {hint.choices.map((choice) => (
            <button
              key={choice.writes}
              type="button"
              className="secondary small"
              disabled={readOnly}
              onClick={() => onChoose(choice.writes)}
            >
              {choice.label}: write {choice.writes}
            </button>
          ))}
        </>
      );
  }
}
