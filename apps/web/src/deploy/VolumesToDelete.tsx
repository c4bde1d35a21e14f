/** Named volumes survive a tear-down unless ticked here, by name (DESIGN §5: never deleted implicitly). */
export function VolumesToDelete({ names, chosen, onChange }: { names: string[]; chosen: string[]; onChange: (next: string[]) => void }) {
  if (names.length === 0) return null;
  return (
    <fieldset className="deploy-volumes">
      <legend>Tear down also deletes these volumes</legend>
      {names.map((v) => (
        <label key={v}>
          <input
            type="checkbox"
            checked={chosen.includes(v)}
            onChange={(e) => onChange(e.target.checked ? [...chosen, v] : chosen.filter((x) => x !== v))}
          />{' '}
          {v}
        </label>
      ))}
    </fieldset>
  );
}
