import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Image, Tag } from 'antd';
import type { AttachmentRef } from '../../shared/workOrder.js';
import { call, onDesk } from '../desk/client.js';

/** A photo or signature by hash; until it has reached this desk, says so instead of an empty frame. */
export function AttachmentImage({ attachment, alt, height = 96 }: { attachment: AttachmentRef; alt: string; height?: number }) {
  const { t } = useTranslation();
  const [src, setSrc] = useState<string | null | 'missing'>(null);
  useEffect(() => {
    let live = true;
    const load = () =>
      void call('attachment.get', { hash: attachment.hash })
        .then((r) => live && setSrc(r.state === 'present' ? `data:${r.mediaType};base64,${r.data}` : 'missing'))
        .catch(() => live && setSrc('missing'));
    load();
    const off = onDesk('sync.done', () => load());
    return () => {
      live = false;
      off();
    };
  }, [attachment.hash]);
  if (src === 'missing')
    return (
      <Tag data-testid="attachment-missing" style={{ height, display: 'inline-flex', alignItems: 'center' }}>
        {t('field.notDownloaded')}
      </Tag>
    );
  if (!src) return null;
  return <Image src={src} alt={alt} height={height} data-testid="attachment-image" style={{ objectFit: 'contain', background: '#fafafa', border: '1px solid #eee' }} />;
}
