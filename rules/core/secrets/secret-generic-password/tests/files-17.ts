// learn17-files: in code a dotted value is a member access, whatever its parts look like.
export const options = {
  // expect-not: secret-generic-password
  password: cfg.Zkrtv.HUmp,
};
