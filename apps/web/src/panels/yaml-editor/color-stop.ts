/**
 * Monaco's colour detector (contrib/colorPicker/browser/colorDetector.js, monaco-editor 0.54) keeps
 * computing after `colorDecorators` is switched off: its configuration handler only removes the
 * decorations, while the content listener `updateColors` registered stays — every edit of the model
 * still sends it to the editor worker (the whole 1.6 MB preview of 1,000 services the first time,
 * then each change) and has the worker scan all of it for colours nobody shows. YamlEditor switches
 * colour decorators off for long previews (languages.ts wholeTextFeatures), so this made every edit
 * of a 1,000-service blueprint cost a colour scan anyway. `stopColorsWhenOff` makes switching off
 * stop the detector as well (switching on again starts it, as Monaco already does).
 */

/** What of Monaco's ColorDetector this reads (its private field, as monaco-editor 0.54 names it). */
export interface ColorDetectorLike {
  _isColorDecoratorsEnabled: boolean;
  stop(): void;
  removeAllDecorations(): void;
}

/** Wraps ColorDetector.prototype.removeAllDecorations (once): when the detector is off, it is stopped too. */
export function stopColorsWhenOff(proto: { removeAllDecorations(this: ColorDetectorLike): void }): void {
  const marked = proto as typeof proto & { __stopsWhenOff?: true };
  if (marked.__stopsWhenOff) return;
  marked.__stopsWhenOff = true;
  const remove = proto.removeAllDecorations;
  proto.removeAllDecorations = function (this: ColorDetectorLike) {
    if (!this._isColorDecoratorsEnabled) this.stop();
    remove.call(this);
  };
}
