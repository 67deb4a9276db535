-- Tokens made before tokens expired had no expiry: they get 90 days from this upgrade, like a new one.
UPDATE `api_tokens` SET `expires_at` = strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '+90 days') WHERE `expires_at` IS NULL;--> statement-breakpoint
-- 0003 rebuilt the indexes around a column change and left this one out (the schema declares it).
CREATE INDEX IF NOT EXISTS `saved_views_ord` ON `saved_views` (`ord`);
