// What the registration form says about a tax code while it is typed. Only the shape is checked here
// (digits, length); the check digit and whether it is registered come from the registry's
// GET /v1/businesses:lookup, the one place the rule lives.

export type TaxCodeHint = 'empty' | 'typing' | 'format' | 'complete';

export function taxCodeHint(input: string, type: string): TaxCodeHint {
  const digits = input.replace(/[\s.-]/g, '');
  if (digits === '') return 'empty';
  if (!/^\d+$/.test(digits)) return 'format';
  const lengths = type === 'HOUSEHOLD' ? [10, 12, 13] : type === 'BRANCH' ? [13] : [10, 13];
  if (lengths.includes(digits.length)) return 'complete';
  return digits.length < Math.max(...lengths) ? 'typing' : 'format';
}

/** The form's own checks before sending; each a field and an i18n key. With `legacy`, the old address replaces province and ward. */
export function registrationProblems(
  form: { taxCode: string; type: string; legalName: string; provinceCode: string; wardCode: string; street: string; industry: string },
  legacy?: { provinceName: string; wardName: string },
): { field: string; key: string }[] {
  const problems: { field: string; key: string }[] = [];
  if (taxCodeHint(form.taxCode, form.type) !== 'complete') problems.push({ field: 'taxCode', key: 'register.errors.taxCode' });
  if (!form.legalName.trim()) problems.push({ field: 'legalName', key: 'register.errors.required' });
  if (legacy) {
    if (!legacy.provinceName.trim()) problems.push({ field: 'legacyProvince', key: 'register.errors.required' });
    if (!legacy.wardName.trim()) problems.push({ field: 'legacyWard', key: 'register.errors.required' });
  } else {
    if (!/^\d{2}$/.test(form.provinceCode)) problems.push({ field: 'provinceCode', key: 'register.errors.required' });
    if (!/^\d{5}$/.test(form.wardCode)) problems.push({ field: 'wardCode', key: 'register.errors.required' });
  }
  if (!form.street.trim()) problems.push({ field: 'street', key: 'register.errors.required' });
  if (!/^([A-Za-z]|\d{2,5})$/.test(form.industry)) problems.push({ field: 'industry', key: 'register.errors.industry' });
  return problems;
}
