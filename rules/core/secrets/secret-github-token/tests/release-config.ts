export const release = {
  // expect: secret-github-token@11-104
  token: 'github_pat_11FAKE7QZ0Zq7R2mKx9TfW4bLc8NvY3p_Hs6Dj1Ge5aW4bLc8NvY3pHs6Dj1Ge5aZq7R2mKx9TfW4bFAKE',
  // expect: secret-github-token@11-51
  oauth: "gho_Lc8NvY3pHs6Dj1Ge5aZq7R2mKx9TfW4bFAKE",
  // expect: secret-github-token@13-53
  refresh: `ghr_Y3pHs6Dj1Ge5aZq7R2mKx9TfW4bLc8NvFAKE`,
  // expect: secret-github-token@18-58
  userToServer: 'ghu_Hs6Dj1Ge5aZq7R2mKx9TfW4bLc8NvY3pFAKE',
};
