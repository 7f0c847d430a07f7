import { ApiError } from './api';
import { fieldProblem, problemSummary } from './problems';

const invalid = new ApiError({
  status: 400,
  code: 'VALIDATION_FAILED',
  detail: 'The request has invalid fields.',
  errors: [
    { field: 'decisionNumber', code: 'DECISION_NUMBER_FORMAT', message: 'decisionNumber looks like 5445/QĐ-UBND' },
    { field: 'address.wardCode', code: 'WARD_NOT_IN_PROVINCE', message: 'ward 28903 is not in 01' },
    { field: 'somethingElse', code: 'NEW_RULE', message: 'a rule the console does not know yet' },
  ],
});

describe('problem messages', () => {
  it('gives a field its error in Vietnamese or English, by code', () => {
    expect(fieldProblem(invalid, 'decisionNumber', 'vi')).toBe('Số quyết định có dạng 5445/QĐ-UBND.');
    expect(fieldProblem(invalid, 'decisionNumber', 'en')).toBe('A decision number looks like 5445/QĐ-UBND.');
    expect(fieldProblem(invalid, 'address', 'vi')).toBe('Phường/xã không thuộc tỉnh/thành đã chọn.');
    expect(fieldProblem(invalid, 'reason', 'vi')).toBeUndefined();
  });

  it('names the rule of a format the service checked at its edge (INVALID_FORMAT on a decision number)', () => {
    const atEdge = new ApiError({
      status: 400,
      code: 'VALIDATION_FAILED',
      detail: 'The request has invalid fields.',
      errors: [{ field: 'decisionNumber', code: 'INVALID_FORMAT', message: 'like 5445/QĐ-UBND' }],
    });
    expect(fieldProblem(atEdge, 'decisionNumber', 'vi')).toBe('Số quyết định có dạng 5445/QĐ-UBND.');
  });

  it('sums up the rest above the form, falling back to the service message for an unknown code', () => {
    expect(problemSummary(invalid, 'vi', ['decisionNumber', 'address'])).toEqual([
      'Một số thông tin chưa hợp lệ: xem các ô được đánh dấu.',
      'somethingElse: a rule the console does not know yet',
    ]);
    const conflict = new ApiError({ status: 409, code: 'BUSINESS_NOT_ACTIVE', detail: 'business b-1 is PENDING_REVIEW' });
    expect(problemSummary(conflict, 'vi')).toEqual(['Doanh nghiệp chưa được Trung tâm duyệt (hoặc đang tạm ngừng): chưa thể thêm sản phẩm hay nộp hồ sơ.']);
    expect(problemSummary(new ApiError({ status: 418, code: 'TEAPOT', detail: 'I am a teapot.' }), 'en')).toEqual(['I am a teapot.']);
    expect(problemSummary(undefined, 'vi')).toEqual([]);
  });
});
