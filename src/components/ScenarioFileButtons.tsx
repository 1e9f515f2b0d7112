/**
 * "Download .json" and "Open .json": the scenario as a file and back. The
 * reading and validation are in share/scenario-file.ts; this only touches
 * the DOM (a Blob behind a temporary link, a file input).
 */
import { useRef } from 'react';
import type { ScenarioInput } from '../engine/scenario';
import { openScenarioFile, scenarioFileName, scenarioFileText, type ScenarioFileRead } from '../share/scenario-file';

interface ScenarioFileButtonsProps {
  scenario: ScenarioInput;
  /** Called with what the chosen file held: a scenario, or why it is not one. */
  onRead(read: ScenarioFileRead): void;
}

export function downloadScenario(scenario: ScenarioInput): void {
  const url = URL.createObjectURL(new Blob([scenarioFileText(scenario)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = scenarioFileName(scenario);
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: revoking at once cancels the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function ScenarioFileButtons({ scenario, onRead }: ScenarioFileButtonsProps) {
  const inputRef = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className="more__item" data-testid="download-json" onClick={() => downloadScenario(scenario)}>
        Download .json
      </button>
      <button type="button" className="more__item" data-testid="open-json" onClick={() => inputRef.current?.click()}>
        Open .json…
      </button>
      <input
        ref={inputRef}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="open-json-input"
        onChange={(event) => {
          const input = event.currentTarget;
          const file = input.files?.[0];
          // Cleared so that choosing the same file again fires a change.
          input.value = '';
          if (file) void openScenarioFile(file).then(onRead);
        }}
      />
    </>
  );
}
