import { api } from '../../api/endpoints';
import { loadSession } from '../../api/http';
import type { User } from '../../api/types';
import { useAsync } from '../../app/useAsync';

/** Heads and admins may list users (and so plan for others); a manager's list stays empty. */
export function useAssignees(): User[] {
  const role = loadSession()?.user.role;
  const { data } = useAsync(() => (role && role !== 'manager' ? api.users() : Promise.resolve([])), [role]);
  return data ?? [];
}
