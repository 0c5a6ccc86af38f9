import { useTranslation } from 'react-i18next';
import { Card, Collapse, List, Typography } from 'antd';
import { TRAINING_CORPORA } from '../../shared/thirdPartyNotices.js';

/** Who made the data the guidance model learnt from: the attribution CC BY 4.0 asks for where the model ships. */
export function LicencesCard() {
  const { t } = useTranslation();
  return (
    <Card title={t('settings.licences.title')}>
      <Typography.Paragraph type="secondary">{t('settings.licences.intro')}</Typography.Paragraph>
      <Collapse
        items={[
          {
            key: 'corpora',
            label: t('settings.licences.corpora', { count: TRAINING_CORPORA.length }),
            children: (
              <List
                data-testid="training-corpora"
                dataSource={[...TRAINING_CORPORA]}
                renderItem={(c) => (
                  <List.Item>
                    <List.Item.Meta
                      title={`${c.name} · ${c.licence}`}
                      description={
                        <>
                          <div>{c.citation}</div>
                          <Typography.Text type="secondary">{c.source}</Typography.Text>
                        </>
                      }
                    />
                  </List.Item>
                )}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
