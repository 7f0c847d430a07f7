// Verification and reset mail, in the account's language (Vietnamese first). Locally the mail sink.
import nodemailer from 'nodemailer';

export type MailKind = 'verify' | 'reset' | 'exists' | 'invite';

export interface Mailer {
  send(to: string, locale: 'vi' | 'en', kind: MailKind, link: string): Promise<void>;
  close(): void;
}

const texts: Record<MailKind, Record<'vi' | 'en', { subject: string; body: string }>> = {
  invite: {
    vi: { subject: 'Lời mời dùng cổng đối tác Hàng Việt', body: 'Chào bạn,\n\nTrung tâm Xúc tiến Công Thương mời bạn dùng cổng đối tác. Hãy mở liên kết sau để đặt mật khẩu:\n{link}\n\nLiên kết có hiệu lực 7 ngày.' },
    en: { subject: 'Your invitation to the Hàng Việt partner portal', body: 'Hello,\n\nThe Industrial & Trade Promotion Centre invites you to its partner portal. Open this link to choose your password:\n{link}\n\nThe link is valid for 7 days.' },
  },
  verify: {
    vi: { subject: 'Xác nhận địa chỉ e-mail của bạn', body: 'Chào bạn,\n\nHãy mở liên kết sau để xác nhận địa chỉ e-mail:\n{link}\n\nLiên kết có hiệu lực 24 giờ.' },
    en: { subject: 'Confirm your e-mail address', body: 'Hello,\n\nOpen this link to confirm your e-mail address:\n{link}\n\nThe link is valid for 24 hours.' },
  },
  reset: {
    vi: { subject: 'Đặt lại mật khẩu', body: 'Chào bạn,\n\nHãy mở liên kết sau để đặt mật khẩu mới:\n{link}\n\nLiên kết có hiệu lực 1 giờ. Nếu bạn không yêu cầu, hãy bỏ qua thư này.' },
    en: { subject: 'Reset your password', body: 'Hello,\n\nOpen this link to choose a new password:\n{link}\n\nThe link is valid for one hour. If you did not ask for it, ignore this message.' },
  },
  // A sign-up with an address that has an account: its owner is told, the person signing up is not.
  exists: {
    vi: { subject: 'Bạn đã có tài khoản', body: 'Chào bạn,\n\nVừa có yêu cầu tạo tài khoản mới bằng địa chỉ e-mail này, nhưng địa chỉ đã có tài khoản. Hãy đăng nhập, hoặc đặt lại mật khẩu tại:\n{link}\n\nNếu bạn không yêu cầu, hãy bỏ qua thư này.' },
    en: { subject: 'You already have an account', body: 'Hello,\n\nSomeone asked to create an account with this e-mail address, which already has one. Sign in, or reset the password at:\n{link}\n\nIf this was not you, ignore this message.' },
  },
};

export function smtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(url);
  return {
    async send(to, locale, kind, link) {
      const text = texts[kind][locale];
      await transport.sendMail({ from, to, subject: text.subject, text: text.body.replace('{link}', link) });
    },
    close: () => transport.close(),
  };
}
