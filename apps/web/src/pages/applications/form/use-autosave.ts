import type { KontaktpunktClient, Schema } from '@kp/client';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiProblem, unwrap } from '../../../api/problem';
import { Draft, patchBody, topLevel } from './draft';

export type SaveState = 'idle' | 'saving' | 'saved' | 'invalid' | 'failed';

/** How long typing must pause before the draft is saved. */
export const AUTOSAVE_DELAY_MS = 800;

/**
 * Saves the draft with PATCH, debounced, only the top-level fields that changed, with the version
 * read as If-Match. A field the API refuses (an incomplete organisation, a wrong CVR) is kept back
 * with its problem texts while the rest is saved; it is sent again with the next change.
 */
export function useAutosave(api: KontaktpunktClient, application: Schema<'Application'>) {
  const [version, setVersion] = useState(application.version);
  const [state, setState] = useState<SaveState>('idle');
  const [errors, setErrors] = useState<Schema<'FieldError'>[]>([]);
  const dirty = useRef(new Set<string>());
  const latest = useRef<Draft>(application.content as Draft);
  const versionRef = useRef(application.version);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const running = useRef<Promise<void>>(Promise.resolve());

  const patch = useCallback(
    async (fields: string[]): Promise<Schema<'FieldError'>[]> => {
      const result = await api.PATCH('/v1/applications/{id}', {
        params: { path: { id: application.id }, header: { 'If-Match': `"${versionRef.current}"` } },
        body: patchBody(latest.current, fields) as Schema<'ApplicationContentDto'>,
      });
      const saved = unwrap(result);
      versionRef.current = saved.version;
      setVersion(saved.version);
      return [];
    },
    [api, application.id],
  );

  const saveNow = useCallback((): Promise<void> => {
    clearTimeout(timer.current);
    running.current = running.current.then(async () => {
      let fields = [...dirty.current];
      if (fields.length === 0) return;
      dirty.current.clear();
      setState('saving');
      let refused: Schema<'FieldError'>[] = [];
      try {
        while (fields.length > 0) {
          try {
            await patch(fields);
            break;
          } catch (error) {
            const problem = error instanceof ApiProblem ? error : undefined;
            if (problem?.status === 412 && problem.problem.currentVersion !== undefined) {
              versionRef.current = problem.problem.currentVersion; // our own draft, changed in another tab: this edit wins
              continue;
            }
            if (problem?.status !== 400 || !problem.problem.errors?.length) throw error;
            refused = [...refused, ...problem.problem.errors];
            const kept = new Set(problem.problem.errors.map((e) => topLevel(e.field)));
            kept.forEach((field) => dirty.current.add(field));
            fields = fields.filter((field) => !kept.has(field));
          }
        }
        setErrors(refused);
        setState(refused.length > 0 ? 'invalid' : 'saved');
      } catch {
        fields.forEach((field) => dirty.current.add(field));
        setState('failed');
      }
    });
    return running.current;
  }, [patch]);

  const change = useCallback(
    (draft: Draft, path: string) => {
      latest.current = draft;
      dirty.current.add(topLevel(path));
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void saveNow(), AUTOSAVE_DELAY_MS);
    },
    [saveNow],
  );

  // Leaving the form saves what is pending instead of dropping it.
  useEffect(() => () => void (dirty.current.size > 0 && saveNow()), [saveNow]);
  return { version, state, errors, change, saveNow };
}
