### frontmatter
