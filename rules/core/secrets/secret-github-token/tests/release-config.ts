export const release = {
  // expect: secret-github-token
  token: 'github_pat_11FAKE7QZ0Zq7R2mKx9TfW4bLc8NvY3p_Hs6Dj1Ge5aW4bLc8NvY3pHs6Dj1Ge5aZq7R2mKx9TfW4bFAKE',
  // expect: secret-github-token
  oauth: "gho_Lc8NvY3pHs6Dj1Ge5aZq7R2mKx9TfW4bFAKE",
  // expect: secret-github-token
  refresh: `ghr_Y3pHs6Dj1Ge5aZq7R2mKx9TfW4bLc8NvFAKE`,
  // expect: secret-github-token
  userToServer: 'ghu_Hs6Dj1Ge5aZq7R2mKx9TfW4bLc8NvY3pFAKE',
};
