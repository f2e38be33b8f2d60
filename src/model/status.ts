/**
 * Success statuses: a Response section names its error codes too ("… returns a `403 Forbidden` response code if the
 * caller lacks permissions"); what the call answers when it succeeds is the codes below 400 (a 302 redirect to a
 * download included). One reading for the extraction, the model's rules and the emitters.
 */
export function successStatuses<S extends { code: number }>(statuses: readonly S[] | undefined): S[] {
  return (statuses ?? []).filter((s) => s.code < 400);
}

/** Every success status named is 204 No Content (and there is one): the call answers with no body. */
export function onlyNoContent(statuses: readonly { code: number }[] | undefined): boolean {
  const ok = successStatuses(statuses);
  return ok.length > 0 && ok.every((s) => s.code === 204);
}
