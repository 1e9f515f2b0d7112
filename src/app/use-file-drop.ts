/**
 * A scenario file dropped anywhere on the page opens like "Open .json".
 * Only drags that carry files are taken over, so dragging text inside the
 * editor behaves as before.
 */
import { useEffect } from 'react';
import { openScenarioFile, type ScenarioFileRead } from '../share/scenario-file';

function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}

export function useFileDrop(onRead: (read: ScenarioFileRead) => void): void {
  useEffect(() => {
    const onDragOver = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const onDrop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      // Without this the browser navigates to the dropped file.
      event.preventDefault();
      const file = event.dataTransfer?.files[0];
      if (file) void openScenarioFile(file).then(onRead);
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
    };
  }, [onRead]);
}
