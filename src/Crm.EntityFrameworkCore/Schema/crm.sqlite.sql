CREATE TABLE IF NOT EXISTS "crm_cases" (
    "tenant_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "contact_id" TEXT NOT NULL,
    "tracking_code" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "opened_at" INTEGER NOT NULL,
    "awaits_sla_check" INTEGER NOT NULL,
    "document" TEXT NOT NULL,
    "recorded_at" INTEGER NOT NULL,
    "stamp" TEXT NOT NULL,
    CONSTRAINT "PK_crm_cases" PRIMARY KEY ("tenant_id", "id")
);

CREATE TABLE IF NOT EXISTS "crm_contacts" (
    "tenant_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "stamp" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "merged_into_id" TEXT NULL,
    "status_changed_at" INTEGER NULL,
    "stage" TEXT NOT NULL,
    "stage_entered_at" INTEGER NOT NULL,
    "origin" TEXT NOT NULL,
    "display_name" TEXT NULL,
    "given_name" TEXT NULL,
    "family_name" TEXT NULL,
    "sort_name" TEXT NULL,
    "normalized_name" TEXT NULL,
    "primary_email" TEXT NULL,
    "primary_phone" TEXT NULL,
    "birth_date" TEXT NULL,
    "birth_month" INTEGER NULL,
    "birth_day" INTEGER NULL,
    "preferred_language" TEXT NULL,
    "time_zone" TEXT NULL,
    "acquisition_source" TEXT NULL,
    "acquisition_medium" TEXT NULL,
    "acquisition_campaign" TEXT NULL,
    "created_at" INTEGER NOT NULL,
    "updated_at" INTEGER NOT NULL,
    "format_version" INTEGER NOT NULL,
    "document" TEXT NOT NULL,
    CONSTRAINT "PK_crm_contacts" PRIMARY KEY ("tenant_id", "id")
);

CREATE TABLE IF NOT EXISTS "crm_contracts" (
    "tenant_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "contact_id" TEXT NOT NULL,
    "plan" TEXT NULL,
    "start_at" INTEGER NOT NULL,
    "end_at" INTEGER NULL,
    "status" TEXT NOT NULL,
    "cancellation_reason" TEXT NULL,
    "recorded_at" INTEGER NOT NULL,
    "stamp" TEXT NOT NULL,
    CONSTRAINT "PK_crm_contracts" PRIMARY KEY ("tenant_id", "id")
);

CREATE TABLE IF NOT EXISTS "crm_duplicate_claims" (
    "tenant_id" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "contact_id" TEXT NOT NULL,
    "key_hashes" TEXT NOT NULL,
    CONSTRAINT "PK_crm_duplicate_claims" PRIMARY KEY ("tenant_id", "hash")
);

CREATE TABLE IF NOT EXISTS "crm_duplicate_keys" (
    "tenant_id" TEXT NOT NULL,
    "criterion" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "contact_id" TEXT NOT NULL,
    CONSTRAINT "PK_crm_duplicate_keys" PRIMARY KEY ("tenant_id", "criterion", "value", "contact_id")
);

CREATE TABLE IF NOT EXISTS "crm_feedback" (
    "tenant_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "contact_id" TEXT NOT NULL,
    "survey" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "comment" TEXT NULL,
    "channel" TEXT NOT NULL,
    "responded_at" INTEGER NOT NULL,
    "case_id" TEXT NULL,
    "recorded_at" INTEGER NOT NULL,
    "stamp" TEXT NOT NULL,
    CONSTRAINT "PK_crm_feedback" PRIMARY KEY ("tenant_id", "id")
);

CREATE TABLE IF NOT EXISTS "crm_follow_ups" (
    "tenant_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "contact_id" TEXT NOT NULL,
    "case_id" TEXT NULL,
    "assignee" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "due_at" INTEGER NOT NULL,
    "created_at" INTEGER NOT NULL,
    "attempt" INTEGER NOT NULL,
    "previous_id" TEXT NULL,
    "next_id" TEXT NULL,
    "reason" TEXT NOT NULL,
    "outcome" TEXT NULL,
    "outcome_note" TEXT NULL,
    "closed_at" INTEGER NULL,
    "closed_by" TEXT NULL,
    "outcome_entry_id" TEXT NULL,
    "stamp" TEXT NOT NULL,
    CONSTRAINT "PK_crm_follow_ups" PRIMARY KEY ("tenant_id", "id")
);

CREATE TABLE IF NOT EXISTS "crm_idempotency_keys" (
    "tenant_id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "contact_id" TEXT NOT NULL,
    "recorded_at" INTEGER NULL,
    CONSTRAINT "PK_crm_idempotency_keys" PRIMARY KEY ("tenant_id", "key")
);

CREATE TABLE IF NOT EXISTS "crm_interaction_keys" (
    "tenant_id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "interaction_id" TEXT NOT NULL,
    "recorded_at" INTEGER NOT NULL,
    CONSTRAINT "PK_crm_interaction_keys" PRIMARY KEY ("tenant_id", "key")
);

CREATE TABLE IF NOT EXISTS "crm_interactions" (
    "tenant_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "contact_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "direction" TEXT NOT NULL,
    "occurred_at" INTEGER NOT NULL,
    "team_member" TEXT NULL,
    "summary" TEXT NULL,
    "case_id" TEXT NULL,
    "purchase_id" TEXT NULL,
    "contract_id" TEXT NULL,
    "feedback_id" TEXT NULL,
    "order_reference" TEXT NULL,
    "recorded_at" INTEGER NOT NULL,
    "stamp" TEXT NOT NULL,
    CONSTRAINT "PK_crm_interactions" PRIMARY KEY ("tenant_id", "id")
);

CREATE TABLE IF NOT EXISTS "crm_loyalty_activity" (
    "sequence" INTEGER NOT NULL CONSTRAINT "PK_crm_loyalty_activity" PRIMARY KEY AUTOINCREMENT,
    "tenant_id" TEXT NOT NULL,
    "contact_id" TEXT NOT NULL,
    "entry_id" TEXT NOT NULL,
    "recorded_at" INTEGER NOT NULL,
    "points_earned" INTEGER NOT NULL,
    "spent_units" INTEGER NOT NULL,
    "points_redeemed" INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS "crm_loyalty_allocations" (
    "sequence" INTEGER NOT NULL CONSTRAINT "PK_crm_loyalty_allocations" PRIMARY KEY AUTOINCREMENT,
    "tenant_id" TEXT NOT NULL,
    "contact_id" TEXT NOT NULL,
    "lot_id" TEXT NOT NULL,
    "entry_id" TEXT NOT NULL,
    "points" INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS "crm_loyalty_badges" (
    "sequence" INTEGER NOT NULL CONSTRAINT "PK_crm_loyalty_badges" PRIMARY KEY AUTOINCREMENT,
    "tenant_id" TEXT NOT NULL,
    "contact_id" TEXT NOT NULL,
    "badge_id" TEXT NOT NULL,
    "badge_key" TEXT NOT NULL,
    "achieved_at" INTEGER NOT NULL,
    "awarded_at" INTEGER NOT NULL,
    "points" INTEGER NOT NULL,
    "entry_id" TEXT NULL
);

CREATE TABLE IF NOT EXISTS "crm_loyalty_entries" (
    "sequence" INTEGER NOT NULL CONSTRAINT "PK_crm_loyalty_entries" PRIMARY KEY AUTOINCREMENT,
    "tenant_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "contact_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "points" INTEGER NOT NULL,
    "recorded_at" INTEGER NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "reverses_entry_id" TEXT NULL,
    "lot_id" TEXT NULL,
    "reward_id" TEXT NULL,
    "reason" TEXT NULL,
    "written_off" INTEGER NOT NULL,
    "snapshot" TEXT NULL
);

CREATE TABLE IF NOT EXISTS "crm_loyalty_lots" (
    "tenant_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "contact_id" TEXT NOT NULL,
    "points" INTEGER NOT NULL,
    "credited_at" INTEGER NOT NULL,
    "available_at" INTEGER NOT NULL,
    "expires_at" INTEGER NULL,
    CONSTRAINT "PK_crm_loyalty_lots" PRIMARY KEY ("tenant_id", "id")
);

CREATE TABLE IF NOT EXISTS "crm_loyalty_member_merges" (
    "tenant_id" TEXT NOT NULL,
    "absorbed_id" TEXT NOT NULL,
    "survivor_id" TEXT NOT NULL,
    "merged_at" INTEGER NOT NULL,
    CONSTRAINT "PK_crm_loyalty_member_merges" PRIMARY KEY ("tenant_id", "absorbed_id")
);

CREATE TABLE IF NOT EXISTS "crm_loyalty_referral_rejections" (
    "sequence" INTEGER NOT NULL CONSTRAINT "PK_crm_loyalty_referral_rejections" PRIMARY KEY AUTOINCREMENT,
    "tenant_id" TEXT NOT NULL,
    "source_key" TEXT NOT NULL,
    "referee_id" TEXT NOT NULL,
    "referrer_id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "rejected_at" INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS "crm_loyalty_referrals" (
    "tenant_id" TEXT NOT NULL,
    "referee_id" TEXT NOT NULL,
    "referrer_id" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "attributed_at" INTEGER NOT NULL,
    "source_key" TEXT NOT NULL,
    "purchase_key" TEXT NULL,
    "purchase_amount" TEXT NULL,
    "purchase_currency" TEXT NULL,
    "purchased_at" INTEGER NULL,
    "eligible_at" INTEGER NULL,
    "referee_points" INTEGER NOT NULL,
    "referrer_points" INTEGER NOT NULL,
    "chain_points" TEXT NOT NULL,
    "settled_at" INTEGER NULL,
    CONSTRAINT "PK_crm_loyalty_referrals" PRIMARY KEY ("tenant_id", "referee_id")
);

CREATE TABLE IF NOT EXISTS "crm_loyalty_tier_changes" (
    "sequence" INTEGER NOT NULL CONSTRAINT "PK_crm_loyalty_tier_changes" PRIMARY KEY AUTOINCREMENT,
    "tenant_id" TEXT NOT NULL,
    "contact_id" TEXT NOT NULL,
    "from_tier_id" TEXT NULL,
    "to_tier_id" TEXT NULL,
    "reason" TEXT NOT NULL,
    "changed_at" INTEGER NOT NULL,
    "qualifying" TEXT NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "caused_by_entry_id" TEXT NULL
);

CREATE TABLE IF NOT EXISTS "crm_merges" (
    "sequence" INTEGER NOT NULL CONSTRAINT "PK_crm_merges" PRIMARY KEY AUTOINCREMENT,
    "tenant_id" TEXT NOT NULL,
    "survivor_id" TEXT NOT NULL,
    "merged_at" INTEGER NOT NULL,
    "format_version" INTEGER NOT NULL,
    "document" TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS "crm_outbox" (
    "sequence" INTEGER NOT NULL CONSTRAINT "PK_crm_outbox" PRIMARY KEY AUTOINCREMENT,
    "event_id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "type_name" TEXT NOT NULL,
    "type_version" INTEGER NOT NULL,
    "payload" TEXT NOT NULL,
    "occurred_at" INTEGER NOT NULL,
    "state" INTEGER NOT NULL,
    "due_at" INTEGER NOT NULL,
    "lease_token" TEXT NULL,
    "lease_expires_at" INTEGER NULL,
    "attempts" INTEGER NOT NULL,
    "last_error" TEXT NULL,
    "delivered_at" INTEGER NULL
);

CREATE TABLE IF NOT EXISTS "crm_purchases" (
    "tenant_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "contact_id" TEXT NOT NULL,
    "occurred_at" INTEGER NOT NULL,
    "amount" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "refunded_amount" TEXT NOT NULL,
    "order_reference" TEXT NULL,
    "document" TEXT NOT NULL,
    "recorded_at" INTEGER NOT NULL,
    "stamp" TEXT NOT NULL,
    CONSTRAINT "PK_crm_purchases" PRIMARY KEY ("tenant_id", "id")
);

CREATE TABLE IF NOT EXISTS "crm_referral_requests" (
    "tenant_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "contact_id" TEXT NOT NULL,
    "asked_at" INTEGER NOT NULL,
    "channel" TEXT NULL,
    "outcome" TEXT NOT NULL,
    "answered_at" INTEGER NULL,
    "stamp" TEXT NOT NULL,
    CONSTRAINT "PK_crm_referral_requests" PRIMARY KEY ("tenant_id", "id")
);

CREATE TABLE IF NOT EXISTS "crm_referrals" (
    "sequence" INTEGER NOT NULL CONSTRAINT "PK_crm_referrals" PRIMARY KEY AUTOINCREMENT,
    "tenant_id" TEXT NOT NULL,
    "referee_id" TEXT NOT NULL,
    "referrer_id" TEXT NOT NULL,
    "referred_at" INTEGER NOT NULL,
    "request_id" TEXT NULL
);

CREATE TABLE IF NOT EXISTS "crm_version_counters" (
    "tenant_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "PK_crm_version_counters" PRIMARY KEY ("tenant_id", "name")
);

CREATE TABLE IF NOT EXISTS "crm_contact_attributes" (
    "tenant_id" TEXT NOT NULL,
    "contact_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "text_value" TEXT NULL,
    "number_value" TEXT NULL,
    "boolean_value" INTEGER NULL,
    "date_value" TEXT NULL,
    "currency" TEXT NULL,
    CONSTRAINT "PK_crm_contact_attributes" PRIMARY KEY ("tenant_id", "contact_id", "name"),
    CONSTRAINT "FK_crm_contact_attributes_crm_contacts_tenant_id_contact_id" FOREIGN KEY ("tenant_id", "contact_id") REFERENCES "crm_contacts" ("tenant_id", "id") ON DELETE CASCADE
);

CREATE TABLE IF NOT EXISTS "crm_contact_emails" (
    "tenant_id" TEXT NOT NULL,
    "contact_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "address" TEXT NOT NULL,
    "normalized_address" TEXT NOT NULL,
    "domain" TEXT NOT NULL,
    CONSTRAINT "PK_crm_contact_emails" PRIMARY KEY ("tenant_id", "contact_id", "position"),
    CONSTRAINT "FK_crm_contact_emails_crm_contacts_tenant_id_contact_id" FOREIGN KEY ("tenant_id", "contact_id") REFERENCES "crm_contacts" ("tenant_id", "id") ON DELETE CASCADE
);

CREATE TABLE IF NOT EXISTS "crm_contact_lifecycle" (
    "tenant_id" TEXT NOT NULL,
    "contact_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "from_stage" TEXT NULL,
    "to_stage" TEXT NOT NULL,
    "at" INTEGER NOT NULL,
    "reason" TEXT NULL,
    CONSTRAINT "PK_crm_contact_lifecycle" PRIMARY KEY ("tenant_id", "contact_id", "position"),
    CONSTRAINT "FK_crm_contact_lifecycle_crm_contacts_tenant_id_contact_id" FOREIGN KEY ("tenant_id", "contact_id") REFERENCES "crm_contacts" ("tenant_id", "id") ON DELETE CASCADE
);

CREATE TABLE IF NOT EXISTS "crm_contact_phones" (
    "tenant_id" TEXT NOT NULL,
    "contact_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "e164" TEXT NOT NULL,
    "extension" TEXT NULL,
    CONSTRAINT "PK_crm_contact_phones" PRIMARY KEY ("tenant_id", "contact_id", "position"),
    CONSTRAINT "FK_crm_contact_phones_crm_contacts_tenant_id_contact_id" FOREIGN KEY ("tenant_id", "contact_id") REFERENCES "crm_contacts" ("tenant_id", "id") ON DELETE CASCADE
);

CREATE TABLE IF NOT EXISTS "crm_contact_tags" (
    "tenant_id" TEXT NOT NULL,
    "contact_id" TEXT NOT NULL,
    "normalized_tag" TEXT NOT NULL,
    "tag" TEXT NOT NULL,
    CONSTRAINT "PK_crm_contact_tags" PRIMARY KEY ("tenant_id", "contact_id", "normalized_tag"),
    CONSTRAINT "FK_crm_contact_tags_crm_contacts_tenant_id_contact_id" FOREIGN KEY ("tenant_id", "contact_id") REFERENCES "crm_contacts" ("tenant_id", "id") ON DELETE CASCADE
);

CREATE TABLE IF NOT EXISTS "crm_merge_members" (
    "tenant_id" TEXT NOT NULL,
    "contact_id" TEXT NOT NULL,
    "merge_sequence" INTEGER NOT NULL,
    CONSTRAINT "PK_crm_merge_members" PRIMARY KEY ("tenant_id", "contact_id", "merge_sequence"),
    CONSTRAINT "FK_crm_merge_members_crm_merges_merge_sequence" FOREIGN KEY ("merge_sequence") REFERENCES "crm_merges" ("sequence") ON DELETE CASCADE
);

CREATE INDEX IF NOT EXISTS "ix_crm_cases_contact" ON "crm_cases" ("tenant_id", "contact_id", "opened_at" DESC, "id" DESC);

CREATE INDEX IF NOT EXISTS "ix_crm_cases_sla_check" ON "crm_cases" ("tenant_id", "awaits_sla_check", "id");

CREATE UNIQUE INDEX IF NOT EXISTS "ux_crm_cases_tracking_code" ON "crm_cases" ("tenant_id", "tracking_code");

CREATE INDEX IF NOT EXISTS "ix_crm_contact_attributes_date" ON "crm_contact_attributes" ("tenant_id", "name", "date_value");

CREATE INDEX IF NOT EXISTS "ix_crm_contact_attributes_number" ON "crm_contact_attributes" ("tenant_id", "name", "number_value");

CREATE INDEX IF NOT EXISTS "ix_crm_contact_attributes_text" ON "crm_contact_attributes" ("tenant_id", "name", "text_value");

CREATE INDEX IF NOT EXISTS "ix_crm_contact_emails_address" ON "crm_contact_emails" ("tenant_id", "normalized_address");

CREATE INDEX IF NOT EXISTS "ix_crm_contact_emails_domain" ON "crm_contact_emails" ("tenant_id", "domain");

CREATE INDEX IF NOT EXISTS "ix_crm_contact_lifecycle_stage_at" ON "crm_contact_lifecycle" ("tenant_id", "to_stage", "at");

CREATE INDEX IF NOT EXISTS "ix_crm_contact_phones_e164" ON "crm_contact_phones" ("tenant_id", "e164");

CREATE INDEX IF NOT EXISTS "ix_crm_contact_tags_tag" ON "crm_contact_tags" ("tenant_id", "normalized_tag");

CREATE INDEX IF NOT EXISTS "ix_crm_contacts_acquisition" ON "crm_contacts" ("tenant_id", "acquisition_source");

CREATE INDEX IF NOT EXISTS "ix_crm_contacts_created_at" ON "crm_contacts" ("tenant_id", "created_at");

CREATE INDEX IF NOT EXISTS "ix_crm_contacts_normalized_name" ON "crm_contacts" ("tenant_id", "normalized_name");

CREATE INDEX IF NOT EXISTS "ix_crm_contacts_status_stage" ON "crm_contacts" ("tenant_id", "status", "stage");

CREATE INDEX IF NOT EXISTS "ix_crm_contacts_updated_at" ON "crm_contacts" ("tenant_id", "updated_at");

CREATE INDEX IF NOT EXISTS "ix_crm_contracts_contact" ON "crm_contracts" ("tenant_id", "contact_id", "start_at", "id");

CREATE INDEX IF NOT EXISTS "ix_crm_contracts_start" ON "crm_contracts" ("tenant_id", "start_at", "id");

CREATE INDEX IF NOT EXISTS "ix_crm_duplicate_claims_contact" ON "crm_duplicate_claims" ("tenant_id", "contact_id");

CREATE INDEX IF NOT EXISTS "ix_crm_duplicate_keys_contact" ON "crm_duplicate_keys" ("tenant_id", "contact_id");

CREATE INDEX IF NOT EXISTS "ix_crm_feedback_contact" ON "crm_feedback" ("tenant_id", "contact_id", "responded_at" DESC, "id" DESC);

CREATE INDEX IF NOT EXISTS "ix_crm_follow_ups_assignee_due" ON "crm_follow_ups" ("tenant_id", "assignee", "status", "due_at", "id");

CREATE INDEX IF NOT EXISTS "ix_crm_follow_ups_contact" ON "crm_follow_ups" ("tenant_id", "contact_id", "due_at", "id");

CREATE INDEX IF NOT EXISTS "ix_crm_idempotency_keys_recorded_at" ON "crm_idempotency_keys" ("tenant_id", "recorded_at");

CREATE INDEX IF NOT EXISTS "ix_crm_interactions_activity" ON "crm_interactions" ("tenant_id", "contact_id", "occurred_at") WHERE kind <> 'Note' AND (direction = 'Inbound' OR kind = 'Meeting');

CREATE INDEX IF NOT EXISTS "ix_crm_interactions_coverage" ON "crm_interactions" ("tenant_id", "contact_id", "occurred_at", "team_member") WHERE team_member IS NOT NULL AND direction <> 'Internal';

CREATE INDEX IF NOT EXISTS "ix_crm_interactions_timeline" ON "crm_interactions" ("tenant_id", "contact_id", "occurred_at" DESC, "id" DESC);

CREATE INDEX IF NOT EXISTS "ix_crm_loyalty_activity_window" ON "crm_loyalty_activity" ("tenant_id", "recorded_at");

CREATE INDEX IF NOT EXISTS "ix_crm_loyalty_allocations_entry" ON "crm_loyalty_allocations" ("tenant_id", "entry_id");

CREATE INDEX IF NOT EXISTS "ix_crm_loyalty_allocations_member_lot" ON "crm_loyalty_allocations" ("tenant_id", "contact_id", "lot_id");

CREATE UNIQUE INDEX IF NOT EXISTS "ux_crm_loyalty_badges_key" ON "crm_loyalty_badges" ("tenant_id", "contact_id", "badge_key");

CREATE INDEX IF NOT EXISTS "ix_crm_loyalty_entries_member" ON "crm_loyalty_entries" ("tenant_id", "contact_id", "sequence");

CREATE INDEX IF NOT EXISTS "ix_crm_loyalty_entries_reverses" ON "crm_loyalty_entries" ("tenant_id", "reverses_entry_id");

CREATE INDEX IF NOT EXISTS "ix_crm_loyalty_entries_reward" ON "crm_loyalty_entries" ("tenant_id", "reward_id", "contact_id");

CREATE UNIQUE INDEX IF NOT EXISTS "ux_crm_loyalty_entries_id" ON "crm_loyalty_entries" ("tenant_id", "id");

CREATE UNIQUE INDEX IF NOT EXISTS "ux_crm_loyalty_entries_key" ON "crm_loyalty_entries" ("tenant_id", "idempotency_key");

CREATE INDEX IF NOT EXISTS "ix_crm_loyalty_lots_member_expiry" ON "crm_loyalty_lots" ("tenant_id", "contact_id", "expires_at");

CREATE INDEX IF NOT EXISTS "ix_crm_loyalty_referral_rejections_referee" ON "crm_loyalty_referral_rejections" ("tenant_id", "referee_id");

CREATE INDEX IF NOT EXISTS "ix_crm_loyalty_referral_rejections_referrer" ON "crm_loyalty_referral_rejections" ("tenant_id", "referrer_id");

CREATE UNIQUE INDEX IF NOT EXISTS "ux_crm_loyalty_referral_rejections_source" ON "crm_loyalty_referral_rejections" ("tenant_id", "source_key");

CREATE INDEX IF NOT EXISTS "ix_crm_loyalty_referrals_due" ON "crm_loyalty_referrals" ("tenant_id", "status", "eligible_at");

CREATE INDEX IF NOT EXISTS "ix_crm_loyalty_tier_changes_member" ON "crm_loyalty_tier_changes" ("tenant_id", "contact_id", "sequence");

CREATE INDEX IF NOT EXISTS "ix_crm_loyalty_tier_changes_tier" ON "crm_loyalty_tier_changes" ("tenant_id", "to_tier_id", "sequence");

CREATE UNIQUE INDEX IF NOT EXISTS "ux_crm_loyalty_tier_changes_key" ON "crm_loyalty_tier_changes" ("tenant_id", "idempotency_key");

CREATE INDEX IF NOT EXISTS "ix_crm_merge_members_merge" ON "crm_merge_members" ("merge_sequence");

CREATE INDEX IF NOT EXISTS "ix_crm_merges_merged_at" ON "crm_merges" ("tenant_id", "merged_at");

CREATE INDEX IF NOT EXISTS "ix_crm_outbox_claim" ON "crm_outbox" ("state", "due_at", "sequence");

CREATE INDEX IF NOT EXISTS "ix_crm_outbox_tenant_state" ON "crm_outbox" ("tenant_id", "state", "sequence");

CREATE UNIQUE INDEX IF NOT EXISTS "ux_crm_outbox_event_id" ON "crm_outbox" ("event_id");

CREATE INDEX IF NOT EXISTS "ix_crm_purchases_contact" ON "crm_purchases" ("tenant_id", "contact_id", "occurred_at", "id");

CREATE INDEX IF NOT EXISTS "ix_crm_purchases_occurred_at" ON "crm_purchases" ("tenant_id", "occurred_at", "id");

CREATE INDEX IF NOT EXISTS "ix_crm_referral_requests_contact" ON "crm_referral_requests" ("tenant_id", "contact_id", "asked_at");

CREATE INDEX IF NOT EXISTS "ix_crm_referrals_referred_at" ON "crm_referrals" ("tenant_id", "referred_at");

CREATE INDEX IF NOT EXISTS "ix_crm_referrals_referrer" ON "crm_referrals" ("tenant_id", "referrer_id", "sequence");

CREATE UNIQUE INDEX IF NOT EXISTS "ux_crm_referrals_referee" ON "crm_referrals" ("tenant_id", "referee_id");

