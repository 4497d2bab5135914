/** Fills a rendered form the way a person does: finds each field by its label's text and types into it. */
export function fieldByLabel<T extends HTMLElement>(page: HTMLElement, text: string): T {
  const label = [...page.querySelectorAll('label')].find((candidate) => candidate.textContent?.trim() === text);
  if (!label) throw new Error(`No field labelled "${text}"`);
  return page.querySelector<T>(`#${label.htmlFor}`)!;
}

export function fillFields(page: HTMLElement, values: Record<string, string>): void {
  for (const [label, value] of Object.entries(values)) {
    const field = fieldByLabel<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(page, label);
    field.value = value;
    field.dispatchEvent(new Event(field instanceof HTMLSelectElement ? 'change' : 'input'));
  }
}

export function clickButton(page: HTMLElement, text: string): void {
  const button = [...page.querySelectorAll('button')].find((candidate) => candidate.textContent?.trim() === text);
  if (!button) throw new Error(`No button "${text}"`);
  button.click();
}
