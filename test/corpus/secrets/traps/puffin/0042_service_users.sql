-- passwords are set by the provisioning job from Vault; these are the stored verifiers
ALTER TABLE crew_accounts ADD COLUMN password_hash text NOT NULL DEFAULT '';
ALTER TABLE partners ADD COLUMN api_key_prefix varchar(8);
CREATE ROLE reporting LOGIN PASSWORD 'SCRAM-SHA-256$4096:58oj8DqDYbbBDxJ6HmaX0/quGot9Mld/Bpgjg2akAPk=$hR8NR2ZR9Kv+EiL3VLMOV5f/KzHO9cqm2KKe05g+VBE=:2XRyRsmuO2qKqlqAG3WuWMuRhquqx3FmQcNpVn2P7TA=';
UPDATE crew_accounts SET password_hash = '$2b$12$YNupOkrj0fySKISe8uVDoZ0feef15ncYfL2rforZpHZZOtpDhq0vZ' WHERE email = 'demo@puffin-ferries.test';
