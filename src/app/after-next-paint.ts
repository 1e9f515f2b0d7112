/**
 * Runs `callback` once the browser has painted the next frame. For work a
 * result sets off that the result itself does not need (Monaco, the
 * examples, the detail views): React runs the effects of a store update in
 * the same task as its commit, and each `import()` appends its preload
 * links there, which held the first result's paint back by about a tenth
 * of a second here. Returns a function that cancels it.
 */
export function afterNextPaint(callback: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  // A frame's animation callbacks run before its paint; a task queued from
  // one runs after it.
  const frame = requestAnimationFrame(() => (timer = setTimeout(callback, 0)));
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
