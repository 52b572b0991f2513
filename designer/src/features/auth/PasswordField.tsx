/** A labelled, required password input: how every form of the app asks for a password (sign-in, change password). */
export function PasswordField({
  label,
  testId,
  autoComplete,
  value,
  onChange,
  minLength,
}: {
  label: string;
  testId: string;
  autoComplete: 'current-password' | 'new-password';
  value: string;
  onChange: (value: string) => void;
  minLength?: number;
}) {
  return (
    <label>
      {label}
      <input
        data-testid={testId}
        type="password"
        autoComplete={autoComplete}
        required
        minLength={minLength}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </label>
  );
}
