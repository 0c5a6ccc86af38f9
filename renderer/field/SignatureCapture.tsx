import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Input, Space, Typography } from 'antd';
import SignaturePad from 'signature_pad';
import { dataUrlBase64 } from './images.js';

/** The customer signs with a finger, a pen or the mouse; saved as a PNG of the strokes. */
export function SignatureCapture({ defaultName, busy, onSave }: { defaultName: string; busy: boolean; onSave: (signerName: string, pngBase64: string) => void }) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const pad = useRef<SignaturePad | null>(null);
  const [empty, setEmpty] = useState(true);
  const [name, setName] = useState(defaultName);
  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    // Drawn at the screen's pixel density, so the signature is sharp on the printed report.
    const ratio = Math.max(window.devicePixelRatio || 1, 1);
    el.width = el.offsetWidth * ratio;
    el.height = el.offsetHeight * ratio;
    el.getContext('2d')!.scale(ratio, ratio);
    const signature = new SignaturePad(el, { penColor: '#1a1a1a', backgroundColor: 'rgb(255,255,255)' });
    signature.addEventListener('endStroke', () => setEmpty(signature.isEmpty()));
    pad.current = signature;
    return () => signature.off();
  }, []);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Input size="large" value={name} onChange={(e) => setName(e.target.value)} addonBefore={t('field.signerName')} maxLength={100} aria-label={t('field.signerName')} />
      <Typography.Text type="secondary">{t('field.signHere')}</Typography.Text>
      <canvas ref={canvas} data-testid="signature-pad" aria-label={t('field.signHere')} style={{ width: '100%', maxWidth: 640, height: 200, border: '1px dashed #999', borderRadius: 8, touchAction: 'none', background: '#fff' }} />
      <Space>
        <Button
          size="large"
          onClick={() => {
            pad.current?.clear();
            setEmpty(true);
          }}
        >
          {t('field.clearSignature')}
        </Button>
        <Button size="large" type="primary" disabled={empty || !name.trim() || busy} loading={busy} onClick={() => pad.current && onSave(name.trim(), dataUrlBase64(pad.current.toDataURL('image/png')))}>
          {t('field.saveSignature')}
        </Button>
      </Space>
    </Space>
  );
}
