CREATE TABLE IF NOT EXISTS crm_cases (
    tenant_id character varying(64) NOT NULL,
    id uuid NOT NULL,
    contact_id uuid NOT NULL,
    tracking_code character varying(64) NOT NULL,
    status character varying(16) NOT NULL,
    opened_at bigint NOT NULL,
    awaits_sla_check boolean NOT NULL,
    document text NOT NULL,
    recorded_at bigint NOT NULL,
    stamp uuid NOT NULL,
    CONSTRAINT "PK_crm_cases" PRIMARY KEY (tenant_id, id)
);

CREATE TABLE IF NOT EXISTS crm_contacts (
    tenant_id character varying(64) NOT NULL,
    id uuid NOT NULL,
    stamp uuid NOT NULL,
    status character varying(16) NOT NULL,
    merged_into_id uuid,
    status_changed_at bigint,
    stage character varying(32) NOT NULL,
    stage_entered_at bigint NOT NULL,
    origin character varying(16) NOT NULL,
    display_name character varying(200),
    given_name character varying(200),
    family_name character varying(200),
    sort_name character varying(200),
    normalized_name character varying(200),
    primary_email character varying(254),
    primary_phone character varying(32),
    birth_date date,
    birth_month integer,
    birth_day integer,
    preferred_language character varying(35),
    time_zone character varying(64),
    acquisition_source character varying(200),
    acquisition_medium character varying(200),
    acquisition_campaign character varying(200),
    created_at bigint NOT NULL,
    updated_at bigint NOT NULL,
    format_version integer NOT NULL,
    document text NOT NULL,
    CONSTRAINT "PK_crm_contacts" PRIMARY KEY (tenant_id, id)
);

CREATE TABLE IF NOT EXISTS crm_contracts (
    tenant_id character varying(64) NOT NULL,
    id uuid NOT NULL,
    contact_id uuid NOT NULL,
    plan character varying(100),
    start_at bigint NOT NULL,
    end_at bigint,
    status character varying(16) NOT NULL,
    cancellation_reason character varying(4000),
    recorded_at bigint NOT NULL,
    stamp uuid NOT NULL,
    CONSTRAINT "PK_crm_contracts" PRIMARY KEY (tenant_id, id)
);

CREATE TABLE IF NOT EXISTS crm_duplicate_claims (
    tenant_id character varying(64) NOT NULL,
    hash character varying(64) NOT NULL,
    contact_id uuid NOT NULL,
    key_hashes text NOT NULL,
    CONSTRAINT "PK_crm_duplicate_claims" PRIMARY KEY (tenant_id, hash)
);

CREATE TABLE IF NOT EXISTS crm_duplicate_keys (
    tenant_id character varying(64) NOT NULL,
    criterion character varying(80) NOT NULL,
    value character varying(2000) NOT NULL,
    contact_id uuid NOT NULL,
    CONSTRAINT "PK_crm_duplicate_keys" PRIMARY KEY (tenant_id, criterion, value, contact_id)
);

CREATE TABLE IF NOT EXISTS crm_feedback (
    tenant_id character varying(64) NOT NULL,
    id uuid NOT NULL,
    contact_id uuid NOT NULL,
    survey character varying(8) NOT NULL,
    score integer NOT NULL,
    comment character varying(4000),
    channel character varying(16) NOT NULL,
    responded_at bigint NOT NULL,
    case_id uuid,
    recorded_at bigint NOT NULL,
    stamp uuid NOT NULL,
    CONSTRAINT "PK_crm_feedback" PRIMARY KEY (tenant_id, id)
);

CREATE TABLE IF NOT EXISTS crm_follow_ups (
    tenant_id character varying(64) NOT NULL,
    id uuid NOT NULL,
    contact_id uuid NOT NULL,
    case_id uuid,
    assignee character varying(128) NOT NULL,
    status character varying(16) NOT NULL,
    due_at bigint NOT NULL,
    created_at bigint NOT NULL,
    attempt integer NOT NULL,
    previous_id uuid,
    next_id uuid,
    reason character varying(500) NOT NULL,
    outcome character varying(32),
    outcome_note character varying(4000),
    closed_at bigint,
    closed_by character varying(128),
    outcome_entry_id uuid,
    stamp uuid NOT NULL,
    CONSTRAINT "PK_crm_follow_ups" PRIMARY KEY (tenant_id, id)
);

CREATE TABLE IF NOT EXISTS crm_idempotency_keys (
    tenant_id character varying(64) NOT NULL,
    key character varying(200) NOT NULL,
    contact_id uuid NOT NULL,
    recorded_at bigint,
    CONSTRAINT "PK_crm_idempotency_keys" PRIMARY KEY (tenant_id, key)
);

CREATE TABLE IF NOT EXISTS crm_interaction_keys (
    tenant_id character varying(64) NOT NULL,
    key character varying(200) NOT NULL,
    interaction_id uuid NOT NULL,
    recorded_at bigint NOT NULL,
    CONSTRAINT "PK_crm_interaction_keys" PRIMARY KEY (tenant_id, key)
);

CREATE TABLE IF NOT EXISTS crm_interactions (
    tenant_id character varying(64) NOT NULL,
    id uuid NOT NULL,
    contact_id uuid NOT NULL,
    kind character varying(32) NOT NULL,
    channel character varying(16) NOT NULL,
    direction character varying(16) NOT NULL,
    occurred_at bigint NOT NULL,
    team_member character varying(128),
    summary character varying(4000),
    case_id uuid,
    purchase_id uuid,
    contract_id uuid,
    feedback_id uuid,
    order_reference character varying(128),
    recorded_at bigint NOT NULL,
    stamp uuid NOT NULL,
    CONSTRAINT "PK_crm_interactions" PRIMARY KEY (tenant_id, id)
);

CREATE TABLE IF NOT EXISTS crm_loyalty_activity (
    sequence bigint GENERATED BY DEFAULT AS IDENTITY,
    tenant_id character varying(64) NOT NULL,
    contact_id uuid NOT NULL,
    entry_id uuid NOT NULL,
    recorded_at bigint NOT NULL,
    points_earned bigint NOT NULL,
    spent_units bigint NOT NULL,
    points_redeemed bigint NOT NULL,
    CONSTRAINT "PK_crm_loyalty_activity" PRIMARY KEY (sequence)
);

CREATE TABLE IF NOT EXISTS crm_loyalty_allocations (
    sequence bigint GENERATED BY DEFAULT AS IDENTITY,
    tenant_id character varying(64) NOT NULL,
    contact_id uuid NOT NULL,
    lot_id uuid NOT NULL,
    entry_id uuid NOT NULL,
    points bigint NOT NULL,
    CONSTRAINT "PK_crm_loyalty_allocations" PRIMARY KEY (sequence)
);

CREATE TABLE IF NOT EXISTS crm_loyalty_badges (
    sequence bigint GENERATED BY DEFAULT AS IDENTITY,
    tenant_id character varying(64) NOT NULL,
    contact_id uuid NOT NULL,
    badge_id character varying(40) NOT NULL,
    badge_key character varying(200) NOT NULL,
    achieved_at bigint NOT NULL,
    awarded_at bigint NOT NULL,
    points bigint NOT NULL,
    entry_id uuid,
    CONSTRAINT "PK_crm_loyalty_badges" PRIMARY KEY (sequence)
);

CREATE TABLE IF NOT EXISTS crm_loyalty_entries (
    sequence bigint GENERATED BY DEFAULT AS IDENTITY,
    tenant_id character varying(64) NOT NULL,
    id uuid NOT NULL,
    contact_id uuid NOT NULL,
    kind character varying(16) NOT NULL,
    points bigint NOT NULL,
    recorded_at bigint NOT NULL,
    idempotency_key character varying(200) NOT NULL,
    reverses_entry_id uuid,
    lot_id uuid,
    reward_id character varying(40),
    reason character varying(64),
    written_off bigint NOT NULL,
    snapshot text,
    CONSTRAINT "PK_crm_loyalty_entries" PRIMARY KEY (sequence)
);

CREATE TABLE IF NOT EXISTS crm_loyalty_lots (
    tenant_id character varying(64) NOT NULL,
    id uuid NOT NULL,
    contact_id uuid NOT NULL,
    points bigint NOT NULL,
    credited_at bigint NOT NULL,
    available_at bigint NOT NULL,
    expires_at bigint,
    CONSTRAINT "PK_crm_loyalty_lots" PRIMARY KEY (tenant_id, id)
);

CREATE TABLE IF NOT EXISTS crm_loyalty_member_merges (
    tenant_id character varying(64) NOT NULL,
    absorbed_id uuid NOT NULL,
    survivor_id uuid NOT NULL,
    merged_at bigint NOT NULL,
    CONSTRAINT "PK_crm_loyalty_member_merges" PRIMARY KEY (tenant_id, absorbed_id)
);

CREATE TABLE IF NOT EXISTS crm_loyalty_referral_rejections (
    sequence bigint GENERATED BY DEFAULT AS IDENTITY,
    tenant_id character varying(64) NOT NULL,
    source_key character varying(100) NOT NULL,
    referee_id uuid NOT NULL,
    referrer_id uuid NOT NULL,
    code character varying(64) NOT NULL,
    rejected_at bigint NOT NULL,
    CONSTRAINT "PK_crm_loyalty_referral_rejections" PRIMARY KEY (sequence)
);

CREATE TABLE IF NOT EXISTS crm_loyalty_referrals (
    tenant_id character varying(64) NOT NULL,
    referee_id uuid NOT NULL,
    referrer_id uuid NOT NULL,
    status character varying(16) NOT NULL,
    attributed_at bigint NOT NULL,
    source_key character varying(100) NOT NULL,
    purchase_key character varying(201),
    purchase_amount numeric(28,8),
    purchase_currency character varying(3),
    purchased_at bigint,
    eligible_at bigint,
    referee_points bigint NOT NULL,
    referrer_points bigint NOT NULL,
    chain_points character varying(200) NOT NULL,
    settled_at bigint,
    CONSTRAINT "PK_crm_loyalty_referrals" PRIMARY KEY (tenant_id, referee_id)
);

CREATE TABLE IF NOT EXISTS crm_loyalty_tier_changes (
    sequence bigint GENERATED BY DEFAULT AS IDENTITY,
    tenant_id character varying(64) NOT NULL,
    contact_id uuid NOT NULL,
    from_tier_id character varying(40),
    to_tier_id character varying(40),
    reason character varying(16) NOT NULL,
    changed_at bigint NOT NULL,
    qualifying numeric(28,8) NOT NULL,
    idempotency_key character varying(200) NOT NULL,
    caused_by_entry_id uuid,
    CONSTRAINT "PK_crm_loyalty_tier_changes" PRIMARY KEY (sequence)
);

CREATE TABLE IF NOT EXISTS crm_merges (
    sequence bigint GENERATED BY DEFAULT AS IDENTITY,
    tenant_id character varying(64) NOT NULL,
    survivor_id uuid NOT NULL,
    merged_at bigint NOT NULL,
    format_version integer NOT NULL,
    document text NOT NULL,
    CONSTRAINT "PK_crm_merges" PRIMARY KEY (sequence)
);

CREATE TABLE IF NOT EXISTS crm_outbox (
    sequence bigint GENERATED BY DEFAULT AS IDENTITY,
    event_id uuid NOT NULL,
    tenant_id character varying(64) NOT NULL,
    type_name character varying(200) NOT NULL,
    type_version integer NOT NULL,
    payload text NOT NULL,
    occurred_at bigint NOT NULL,
    state integer NOT NULL,
    due_at bigint NOT NULL,
    lease_token uuid,
    lease_expires_at bigint,
    attempts integer NOT NULL,
    last_error character varying(2000),
    delivered_at bigint,
    CONSTRAINT "PK_crm_outbox" PRIMARY KEY (sequence)
);

CREATE TABLE IF NOT EXISTS crm_purchases (
    tenant_id character varying(64) NOT NULL,
    id uuid NOT NULL,
    contact_id uuid NOT NULL,
    occurred_at bigint NOT NULL,
    amount numeric(28,8) NOT NULL,
    currency character varying(3) NOT NULL,
    refunded_amount numeric(28,8) NOT NULL,
    order_reference character varying(128),
    document text NOT NULL,
    recorded_at bigint NOT NULL,
    stamp uuid NOT NULL,
    CONSTRAINT "PK_crm_purchases" PRIMARY KEY (tenant_id, id)
);

CREATE TABLE IF NOT EXISTS crm_referral_requests (
    tenant_id character varying(64) NOT NULL,
    id uuid NOT NULL,
    contact_id uuid NOT NULL,
    asked_at bigint NOT NULL,
    channel character varying(200),
    outcome character varying(16) NOT NULL,
    answered_at bigint,
    stamp uuid NOT NULL,
    CONSTRAINT "PK_crm_referral_requests" PRIMARY KEY (tenant_id, id)
);

CREATE TABLE IF NOT EXISTS crm_referrals (
    sequence bigint GENERATED BY DEFAULT AS IDENTITY,
    tenant_id character varying(64) NOT NULL,
    referee_id uuid NOT NULL,
    referrer_id uuid NOT NULL,
    referred_at bigint NOT NULL,
    request_id uuid,
    CONSTRAINT "PK_crm_referrals" PRIMARY KEY (sequence)
);

CREATE TABLE IF NOT EXISTS crm_version_counters (
    tenant_id character varying(64) NOT NULL,
    name character varying(128) NOT NULL,
    version bigint NOT NULL,
    CONSTRAINT "PK_crm_version_counters" PRIMARY KEY (tenant_id, name)
);

CREATE TABLE IF NOT EXISTS crm_contact_attributes (
    tenant_id character varying(64) NOT NULL,
    contact_id uuid NOT NULL,
    name character varying(64) NOT NULL,
    kind character varying(16) NOT NULL,
    text_value character varying(2000),
    number_value numeric(28,10),
    boolean_value boolean,
    date_value date,
    currency character varying(3),
    CONSTRAINT "PK_crm_contact_attributes" PRIMARY KEY (tenant_id, contact_id, name),
    CONSTRAINT "FK_crm_contact_attributes_crm_contacts_tenant_id_contact_id" FOREIGN KEY (tenant_id, contact_id) REFERENCES crm_contacts (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE IF NOT EXISTS crm_contact_emails (
    tenant_id character varying(64) NOT NULL,
    contact_id uuid NOT NULL,
    position integer NOT NULL,
    address character varying(254) NOT NULL,
    normalized_address character varying(254) NOT NULL,
    domain character varying(254) NOT NULL,
    CONSTRAINT "PK_crm_contact_emails" PRIMARY KEY (tenant_id, contact_id, position),
    CONSTRAINT "FK_crm_contact_emails_crm_contacts_tenant_id_contact_id" FOREIGN KEY (tenant_id, contact_id) REFERENCES crm_contacts (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE IF NOT EXISTS crm_contact_lifecycle (
    tenant_id character varying(64) NOT NULL,
    contact_id uuid NOT NULL,
    position integer NOT NULL,
    from_stage character varying(32),
    to_stage character varying(32) NOT NULL,
    at bigint NOT NULL,
    reason character varying(64),
    CONSTRAINT "PK_crm_contact_lifecycle" PRIMARY KEY (tenant_id, contact_id, position),
    CONSTRAINT "FK_crm_contact_lifecycle_crm_contacts_tenant_id_contact_id" FOREIGN KEY (tenant_id, contact_id) REFERENCES crm_contacts (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE IF NOT EXISTS crm_contact_phones (
    tenant_id character varying(64) NOT NULL,
    contact_id uuid NOT NULL,
    position integer NOT NULL,
    e164 character varying(32) NOT NULL,
    extension character varying(32),
    CONSTRAINT "PK_crm_contact_phones" PRIMARY KEY (tenant_id, contact_id, position),
    CONSTRAINT "FK_crm_contact_phones_crm_contacts_tenant_id_contact_id" FOREIGN KEY (tenant_id, contact_id) REFERENCES crm_contacts (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE IF NOT EXISTS crm_contact_tags (
    tenant_id character varying(64) NOT NULL,
    contact_id uuid NOT NULL,
    normalized_tag character varying(100) NOT NULL,
    tag character varying(100) NOT NULL,
    CONSTRAINT "PK_crm_contact_tags" PRIMARY KEY (tenant_id, contact_id, normalized_tag),
    CONSTRAINT "FK_crm_contact_tags_crm_contacts_tenant_id_contact_id" FOREIGN KEY (tenant_id, contact_id) REFERENCES crm_contacts (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE IF NOT EXISTS crm_merge_members (
    tenant_id character varying(64) NOT NULL,
    contact_id uuid NOT NULL,
    merge_sequence bigint NOT NULL,
    CONSTRAINT "PK_crm_merge_members" PRIMARY KEY (tenant_id, contact_id, merge_sequence),
    CONSTRAINT "FK_crm_merge_members_crm_merges_merge_sequence" FOREIGN KEY (merge_sequence) REFERENCES crm_merges (sequence) ON DELETE CASCADE
);

CREATE INDEX IF NOT EXISTS ix_crm_cases_contact ON crm_cases (tenant_id, contact_id, opened_at DESC, id DESC);

CREATE INDEX IF NOT EXISTS ix_crm_cases_sla_check ON crm_cases (tenant_id, awaits_sla_check, id);

CREATE UNIQUE INDEX IF NOT EXISTS ux_crm_cases_tracking_code ON crm_cases (tenant_id, tracking_code);

CREATE INDEX IF NOT EXISTS ix_crm_contact_attributes_date ON crm_contact_attributes (tenant_id, name, date_value);

CREATE INDEX IF NOT EXISTS ix_crm_contact_attributes_number ON crm_contact_attributes (tenant_id, name, number_value);

CREATE INDEX IF NOT EXISTS ix_crm_contact_attributes_text ON crm_contact_attributes (tenant_id, name, text_value);

CREATE INDEX IF NOT EXISTS ix_crm_contact_emails_address ON crm_contact_emails (tenant_id, normalized_address);

CREATE INDEX IF NOT EXISTS ix_crm_contact_emails_domain ON crm_contact_emails (tenant_id, domain);

CREATE INDEX IF NOT EXISTS ix_crm_contact_lifecycle_stage_at ON crm_contact_lifecycle (tenant_id, to_stage, at);

CREATE INDEX IF NOT EXISTS ix_crm_contact_phones_e164 ON crm_contact_phones (tenant_id, e164);

CREATE INDEX IF NOT EXISTS ix_crm_contact_tags_tag ON crm_contact_tags (tenant_id, normalized_tag);

CREATE INDEX IF NOT EXISTS ix_crm_contacts_acquisition ON crm_contacts (tenant_id, acquisition_source);

CREATE INDEX IF NOT EXISTS ix_crm_contacts_created_at ON crm_contacts (tenant_id, created_at);

CREATE INDEX IF NOT EXISTS ix_crm_contacts_normalized_name ON crm_contacts (tenant_id, normalized_name);

CREATE INDEX IF NOT EXISTS ix_crm_contacts_status_stage ON crm_contacts (tenant_id, status, stage);

CREATE INDEX IF NOT EXISTS ix_crm_contacts_updated_at ON crm_contacts (tenant_id, updated_at);

CREATE INDEX IF NOT EXISTS ix_crm_contracts_contact ON crm_contracts (tenant_id, contact_id, start_at, id);

CREATE INDEX IF NOT EXISTS ix_crm_contracts_start ON crm_contracts (tenant_id, start_at, id);

CREATE INDEX IF NOT EXISTS ix_crm_duplicate_claims_contact ON crm_duplicate_claims (tenant_id, contact_id);

CREATE INDEX IF NOT EXISTS ix_crm_duplicate_keys_contact ON crm_duplicate_keys (tenant_id, contact_id);

CREATE INDEX IF NOT EXISTS ix_crm_feedback_contact ON crm_feedback (tenant_id, contact_id, responded_at DESC, id DESC);

CREATE INDEX IF NOT EXISTS ix_crm_follow_ups_assignee_due ON crm_follow_ups (tenant_id, assignee, status, due_at, id);

CREATE INDEX IF NOT EXISTS ix_crm_follow_ups_contact ON crm_follow_ups (tenant_id, contact_id, due_at, id);

CREATE INDEX IF NOT EXISTS ix_crm_idempotency_keys_recorded_at ON crm_idempotency_keys (tenant_id, recorded_at);

CREATE INDEX IF NOT EXISTS ix_crm_interactions_activity ON crm_interactions (tenant_id, contact_id, occurred_at) WHERE kind <> 'Note' AND (direction = 'Inbound' OR kind = 'Meeting');

CREATE INDEX IF NOT EXISTS ix_crm_interactions_coverage ON crm_interactions (tenant_id, contact_id, occurred_at, team_member) WHERE team_member IS NOT NULL AND direction <> 'Internal';

CREATE INDEX IF NOT EXISTS ix_crm_interactions_timeline ON crm_interactions (tenant_id, contact_id, occurred_at DESC, id DESC);

CREATE INDEX IF NOT EXISTS ix_crm_loyalty_activity_window ON crm_loyalty_activity (tenant_id, recorded_at);

CREATE INDEX IF NOT EXISTS ix_crm_loyalty_allocations_entry ON crm_loyalty_allocations (tenant_id, entry_id);

CREATE INDEX IF NOT EXISTS ix_crm_loyalty_allocations_member_lot ON crm_loyalty_allocations (tenant_id, contact_id, lot_id);

CREATE UNIQUE INDEX IF NOT EXISTS ux_crm_loyalty_badges_key ON crm_loyalty_badges (tenant_id, contact_id, badge_key);

CREATE INDEX IF NOT EXISTS ix_crm_loyalty_entries_member ON crm_loyalty_entries (tenant_id, contact_id, sequence);

CREATE INDEX IF NOT EXISTS ix_crm_loyalty_entries_reverses ON crm_loyalty_entries (tenant_id, reverses_entry_id);

CREATE INDEX IF NOT EXISTS ix_crm_loyalty_entries_reward ON crm_loyalty_entries (tenant_id, reward_id, contact_id);

CREATE UNIQUE INDEX IF NOT EXISTS ux_crm_loyalty_entries_id ON crm_loyalty_entries (tenant_id, id);

CREATE UNIQUE INDEX IF NOT EXISTS ux_crm_loyalty_entries_key ON crm_loyalty_entries (tenant_id, idempotency_key);

CREATE INDEX IF NOT EXISTS ix_crm_loyalty_lots_member_expiry ON crm_loyalty_lots (tenant_id, contact_id, expires_at);

CREATE INDEX IF NOT EXISTS ix_crm_loyalty_referral_rejections_referee ON crm_loyalty_referral_rejections (tenant_id, referee_id);

CREATE INDEX IF NOT EXISTS ix_crm_loyalty_referral_rejections_referrer ON crm_loyalty_referral_rejections (tenant_id, referrer_id);

CREATE UNIQUE INDEX IF NOT EXISTS ux_crm_loyalty_referral_rejections_source ON crm_loyalty_referral_rejections (tenant_id, source_key);

CREATE INDEX IF NOT EXISTS ix_crm_loyalty_referrals_due ON crm_loyalty_referrals (tenant_id, status, eligible_at);

CREATE INDEX IF NOT EXISTS ix_crm_loyalty_tier_changes_member ON crm_loyalty_tier_changes (tenant_id, contact_id, sequence);

CREATE INDEX IF NOT EXISTS ix_crm_loyalty_tier_changes_tier ON crm_loyalty_tier_changes (tenant_id, to_tier_id, sequence);

CREATE UNIQUE INDEX IF NOT EXISTS ux_crm_loyalty_tier_changes_key ON crm_loyalty_tier_changes (tenant_id, idempotency_key);

CREATE INDEX IF NOT EXISTS ix_crm_merge_members_merge ON crm_merge_members (merge_sequence);

CREATE INDEX IF NOT EXISTS ix_crm_merges_merged_at ON crm_merges (tenant_id, merged_at);

CREATE INDEX IF NOT EXISTS ix_crm_outbox_claim ON crm_outbox (state, due_at, sequence);

CREATE INDEX IF NOT EXISTS ix_crm_outbox_tenant_state ON crm_outbox (tenant_id, state, sequence);

CREATE UNIQUE INDEX IF NOT EXISTS ux_crm_outbox_event_id ON crm_outbox (event_id);

CREATE INDEX IF NOT EXISTS ix_crm_purchases_contact ON crm_purchases (tenant_id, contact_id, occurred_at, id);

CREATE INDEX IF NOT EXISTS ix_crm_purchases_occurred_at ON crm_purchases (tenant_id, occurred_at, id);

CREATE INDEX IF NOT EXISTS ix_crm_referral_requests_contact ON crm_referral_requests (tenant_id, contact_id, asked_at);

CREATE INDEX IF NOT EXISTS ix_crm_referrals_referred_at ON crm_referrals (tenant_id, referred_at);

CREATE INDEX IF NOT EXISTS ix_crm_referrals_referrer ON crm_referrals (tenant_id, referrer_id, sequence);

CREATE UNIQUE INDEX IF NOT EXISTS ux_crm_referrals_referee ON crm_referrals (tenant_id, referee_id);

