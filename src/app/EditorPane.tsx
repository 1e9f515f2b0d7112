/** Connects the code editor to the store. */
import { useMemo } from 'react';
import { CodeEditor } from '../editor/CodeEditor';
import { usePlayground } from '../store/store-context';
import { editorErrors } from './editor-errors';

export function EditorPane({ onRun }: { onRun(): void }) {
  const scenario = usePlayground((s) => s.scenario);
  const active = usePlayground((s) => s.activeTab);
  const result = usePlayground((s) => s.result);
  const partial = usePlayground((s) => s.partial);
  const status = usePlayground((s) => s.status);
  const { setCode } = usePlayground((s) => s.scenarioActions);
  const { setActiveTab } = usePlayground((s) => s.uiActions);

  const files = useMemo(
    () => ({ setup: scenario.setup ?? '', models: scenario.models, after: scenario.after ?? '' }),
    [scenario.setup, scenario.models, scenario.after],
  );
  // Errors of the run in progress as they arrive, else of the last result.
  const errors = useMemo(() => {
    if (status !== 'running') return editorErrors(result);
    return editorErrors({ baseline: partial.baseline, modes: Object.values(partial.modes) });
  }, [status, result, partial]);

  return (
    <section className="editor-pane" aria-label="Scenario code">
      <CodeEditor
        files={files}
        active={active}
        onActiveChange={setActiveTab}
        onChange={setCode}
        onRun={onRun}
        errors={errors}
        loadMonaco={result !== null}
        sequelizeVersion={scenario.sequelize ?? '6'}
      />
    </section>
  );
}
