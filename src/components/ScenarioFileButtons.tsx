/**
 * "Download .json" and "Open .json": the scenario as a file and back. The
 * reading and validation are in share/scenario-file.ts; this only touches
 * the DOM (a download, a file input).
 */
import { useRef } from 'react';
import type { ScenarioInput } from '../engine/scenario';
import { saveFile } from '../share/save-file';
import { openScenarioFile, scenarioFileName, scenarioFileText, type ScenarioFileRead } from '../share/scenario-file';

interface ScenarioFileButtonsProps {
  scenario: ScenarioInput;
  /** Called with what the chosen file held: a scenario, or why it is not one. */
  onRead(read: ScenarioFileRead): void;
}

function downloadScenario(scenario: ScenarioInput): void {
  saveFile(new Blob([scenarioFileText(scenario)], { type: 'application/json' }), scenarioFileName(scenario));
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
