import { useState } from 'preact/hooks';
import { GatewayUnavailableError, SessionExpiredError } from '../api';
import { useConnection } from '../connection';
import { downloadComplianceReport, type ExportFormat } from '../download';

/** «Скачать таблицу»: the selected week's compliance report as a workbook or CSV. */
export function ExportButtons({ week }: { week: string }) {
  const connection = useConnection();
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  const download = async (format: ExportFormat) => {
    setBusy(format);
    setMessage(null);
    try {
      const filename = await downloadComplianceReport(connection.token, week, format);
      setMessage({ error: false, text: `Сохранён файл ${filename}` });
    } catch (err) {
      if (err instanceof SessionExpiredError) connection.sessionExpired();
      else if (err instanceof GatewayUnavailableError) connection.gatewayUnavailable();
      else setMessage({ error: true, text: `Не удалось скачать таблицу: ${(err as Error).message}` });
    } finally {
      setBusy(null);
    }
  };

  return (
    <div class="export">
      <button type="button" onClick={() => download('xlsx')} disabled={busy !== null} data-export="xlsx">
        {busy === 'xlsx' ? 'Готовим таблицу…' : 'Скачать таблицу (XLSX)'}
      </button>
      <button type="button" class="button-secondary" onClick={() => download('csv')} disabled={busy !== null} data-export="csv">
        {busy === 'csv' ? 'Готовим CSV…' : 'CSV'}
      </button>
      {message && (
        <span class={message.error ? 'export-message text-missed' : 'export-message muted'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </span>
      )}
    </div>
  );
}
