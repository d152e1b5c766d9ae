import { useState } from 'preact/hooks';
import { useQuery } from '../connection';
import { KIND_SINGULAR } from '../labels';
import { ADMIN_ORGANIZATIONS } from './queries';

/** An organization found by words of its name (or its INN), chosen from what the registry answers. */
export function OrganizationPicker({ id, value, onChange }: { id: string; value: string; onChange(organizationId: string): void }) {
  const [search, setSearch] = useState('');
  const found = useQuery(ADMIN_ORGANIZATIONS, search.trim().length >= 2 ? { search: search.trim() } : null);
  const options = (found.data?.organizations.edges ?? []).map((e) => e.node).filter((o) => o.active);
  return (
    <div class="picker">
      <label for={`${id}-search`}>Организация: поиск по названию или ИНН</label>
      <input id={`${id}-search`} type="search" value={search} onInput={(e) => setSearch(e.currentTarget.value)} />
      <label for={id}>Организация</label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">
          {search.trim().length < 2 ? 'введите хотя бы две буквы' : found.loading ? 'ищем…' : `найдено: ${options.length}`}
        </option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name} ({KIND_SINGULAR[o.kind]})
          </option>
        ))}
      </select>
    </div>
  );
}
